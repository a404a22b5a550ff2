import type { AnyInput, Limits } from '../model/input';
import { DEFAULT_LIMITS } from '../model/input';
import type { Answers } from '../model/answers';
import type { Report } from '../model/report';
import type { Locale } from '../i18n/locales';
import type { TrustAnchor } from '../model/analyzer';
import { readInputs, type InputOutcome, type ReadAll } from './read-inputs';
import { analyzeEvidence, type Analysis } from './analyze';
import { buildReport } from './build-report';
import { inferAnswers } from '../questions/infer';
import type { Evidence } from '../model/evidence';
import { userTrustAnchors, type TrustedRoot } from './user-trust';

/** How far runAnalysis is: inputs read (containers add inputs as they open), then analyzers run. */
export interface RunProgress {
  readonly phase: 'read' | 'analyze';
  readonly done: number;
  readonly total: number;
  /** While reading: how far through the input after the `done` ones (0..1), for large streamed files. */
  readonly fraction?: number;
}

export interface RunOptions {
  readonly locale: Locale;
  readonly now: Date;
  readonly trustAnchors: readonly TrustAnchor[];
  /**
   * The roots the admin trusts for this case (user-trust.ts readTrustFiles: `--trust`, the app's own roots).
   * They are added to `trustAnchors` as the `user` store here and listed in the report as theirs.
   */
  readonly trustedRoots?: readonly TrustedRoot[];
  readonly expectName?: string;
  /** The most intermediates a chain may hold (the CLI's --max-chain-depth). */
  readonly maxIntermediates?: number;
  readonly password?: string;
  readonly answers?: Answers;
  readonly limits?: Limits;
  readonly generatedAt?: Date;
  /** Inputs already rejected by the caller (unreadable paths, files over the size limit never read). */
  readonly rejected?: readonly InputOutcome[];
  /**
   * Evidence the caller obtains after the inputs are read and before they are judged: the opt-in network
   * checks (a probe capture, downloaded intermediates), which need to see what was read first.
   */
  readonly augment?: (evidence: readonly Evidence[]) => Promise<readonly Evidence[]>;
  /** Reads the inputs another way than one after another here (the CLI's worker threads); same results. */
  readonly readAll?: ReadAll;
  /** Called after each input is read, then after each analyzer (for a progress bar; never required). */
  readonly onProgress?: (p: RunProgress) => void;
}

export interface RunResult {
  readonly report: Report;
  readonly evidence: readonly Evidence[];
  readonly analysis: Analysis;
}

/** The stores' anchors, then the admin's own roots as the `user` store (a root a store has keeps its store). */
function trustAnchorsOf(options: RunOptions): readonly TrustAnchor[] {
  const roots = options.trustedRoots ?? [];
  return roots.length === 0 ? options.trustAnchors : [...options.trustAnchors, ...userTrustAnchors(roots)];
}

/** What was read for a run: the inputs' outcomes and their evidence, with what `augment` added. */
export interface RunRead {
  readonly outcomes: readonly InputOutcome[];
  readonly evidence: readonly Evidence[];
}

/** Reads the inputs (and asks `augment` for what the network checks add): the first half of runAnalysis. */
export async function readForRun(inputs: readonly AnyInput[], options: RunOptions): Promise<RunRead> {
  const progress = options.onProgress;
  const readAll: ReadAll = options.readAll ?? ((all, readOptions, onRead, onPartial) => readInputs(all, readOptions, undefined, onRead, onPartial));
  const read = await readAll(
    inputs,
    {
      limits: options.limits ?? DEFAULT_LIMITS,
      ...(options.password !== undefined ? { password: options.password } : {}),
    },
    progress && ((done, total) => progress({ phase: 'read', done, total })),
    progress && ((done, total, fraction) => progress({ phase: 'read', done, total, fraction })),
  );
  const extra = options.augment ? await options.augment(read.evidence) : [];
  const extraOutcomes: InputOutcome[] = extra.map((e) => ({
    file: e.source,
    kind: e.kind,
    status: 'ok',
    items: e.kind === 'certificates' ? e.certificates.length : 1,
  }));
  return { outcomes: [...(options.rejected ?? []), ...read.outcomes, ...extraOutcomes], evidence: [...read.evidence, ...extra] };
}

/**
 * The same read without one input (its outcome and its evidence), for judging the evidence with and without it
 * from one read: the renewal path's current state beside the pre-flight over everything. A single file is
 * meant (a certificate or a PFX); nothing read from other inputs depends on it.
 */
export function withoutInput(read: RunRead, name: string): RunRead {
  return { outcomes: read.outcomes.filter((o) => o.file !== name), evidence: read.evidence.filter((e) => e.source !== name) };
}

/** Judges what was read: analyze → diagnose → report, the second half of runAnalysis. */
export async function judgeRead(read: RunRead, options: RunOptions): Promise<RunResult> {
  const answers = options.answers ?? {};
  const progress = options.onProgress;
  const { evidence } = read;
  // The connector name may come from the admin, the command line, or Get-InboundConnector output among the
  // evidence (the one enabled certificate-based OnPremises connector): the certificate analyzer needs it.
  // A blank name (an emptied field, an old case file) is no answer: it must not hide the evidence's name.
  const given = (name: string | undefined): string | undefined => (name?.trim() ? name.trim() : undefined);
  const expectName =
    given(options.expectName) ?? given(answers.tlsSenderCertificateName) ?? inferAnswers(evidence).tlsSenderCertificateName;
  const analysis = await analyzeEvidence(
    evidence,
    {
      now: options.now,
      trustAnchors: trustAnchorsOf(options),
      answers,
      ...(expectName ? { expectName } : {}),
      ...(options.maxIntermediates !== undefined ? { maxIntermediates: options.maxIntermediates } : {}),
    },
    undefined,
    undefined,
    progress && ((done, total) => progress({ phase: 'analyze', done, total })),
  );
  const report = buildReport({
    outcomes: read.outcomes,
    analysis,
    locale: options.locale,
    validationTime: options.now,
    generatedAt: options.generatedAt ?? new Date(),
    answers,
    ...(options.trustedRoots ? { trustedRoots: options.trustedRoots } : {}),
  });
  return { report, evidence, analysis };
}

/** The whole engine in one call: read → analyze → diagnose → report. Used by the CLI and the app's worker. */
export async function runAnalysis(inputs: readonly AnyInput[], options: RunOptions): Promise<RunResult> {
  return judgeRead(await readForRun(inputs, options), options);
}
