import { judgeRead, readForRun, withoutInput, type RunOptions, type RunResult } from '../../../shared/engine/run';
import { runPreflight, scanHybridFacts, mergeHybridFacts, type HybridFacts } from '../../../shared/preflight';
import { decodeText } from '../../../shared/smtp/text';
import type { BlobInput } from './blob-input';
import type { PreflightOutcome } from './analysis-protocol';
import type { InputReport } from '../../../shared/model/report';

/** Cmdlet output large enough to scan for the hybrid facts the settings readers do not keep (as the CLI does). */
const TEXT_LIMIT = 8 * 1024 * 1024;

/** ConnectorSource and receive connectors' TlsCertificateName from the current evidence's .txt cmdlet output. */
async function hybridFacts(inputs: readonly BlobInput[]): Promise<HybridFacts> {
  const texts = inputs.filter((i) => /\.txt$/i.test(i.name) && i.size <= TEXT_LIMIT);
  const facts = await Promise.all(texts.map(async (i) => scanHybridFacts(i.name, decodeText(await i.load()))));
  return mergeHybridFacts(facts);
}

export interface RenewalRun {
  /** The current state: every input but the new certificate (the findings, the fix pack, the baseline). */
  readonly current: RunResult;
  readonly preflight: PreflightOutcome;
  /** The run over everything the pre-flight judged (its evidence and chains make the switch-over pack). */
  readonly judged: RunResult;
  /** How the new certificate's file was read (the current state's report does not list it). */
  readonly input?: InputReport;
}

/**
 * The renewal path's analysis (issue 22): the pre-flight judges the new certificate against everything, as
 * `relay-doctor preflight` does; the findings are of the current state alone, so that after the switch the
 * before/after view compares the server as it was with the server as it is, not with the new file.
 * Runs where the evidence lives (the analysis worker; the same thread in component tests).
 */
export async function runRenewal(inputs: readonly BlobInput[], newCertificate: string, options: RunOptions): Promise<RenewalRun> {
  // One read (the progress bar's), judged twice: with the new certificate and without it.
  const read = await readForRun(inputs, options);
  const all = await judgeRead(read, options);
  const current = await judgeRead(withoutInput(read, newCertificate), { ...options, onProgress: undefined });
  const outcome = runPreflight(
    { newSource: newCertificate, evidence: all.evidence, analysis: all.analysis, now: options.now, hybrid: await hybridFacts(inputs.filter((i) => i.name !== newCertificate)) },
    { locale: options.locale, generatedAt: options.generatedAt ?? new Date(), inputs: all.report.inputs },
  );
  const input = all.report.inputs.find((i) => i.file === newCertificate);
  const reason = input?.error;
  const preflight: PreflightOutcome = outcome.ok
    ? { ok: true, value: outcome.value }
    : { ok: false, error: { ...outcome.error, ...(reason ? { reason: reason.code } : {}) } };
  return { current, preflight, judged: all, ...(input ? { input } : {}) };
}
