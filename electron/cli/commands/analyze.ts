import type { CliArgs } from '../args';
import { type CliIo, loadTrustAnchors, readStdin } from '../context';
import { collectInputs } from '../collect-inputs';
import { terminalProgress } from '../progress';
import { parallelFileReadAll } from '../parallel-read';
import { availableParallelism } from 'node:os';
import { runAnalysis, type RunResult } from '../../../shared/engine/run';
import { rejectedOutcome, type InputOutcome } from '../../../shared/engine/read-inputs';
import { SHARE_ABOVE_BYTES } from '../../../shared/engine/read-shares';
import type { InputFile } from '../../../shared/model/input';
import { exitStatusOf } from '../../../shared/report/exit-status';
import { format } from '../../../shared/i18n/format';
import type { Locale } from '../../../shared/i18n/locales';
import { evidenceOfKind, type Evidence } from '../../../shared/model/evidence';
import type { TrustAnchor } from '../../../shared/model/analyzer';
import { networkEvidenceForAnalyze, networkErrorText } from '../../services/network';
import { renderTextSummary } from '../../../shared/report/text-summary';
import { terminalSafe, terminalSafeText, terminalSafeValues } from '../../../shared/report/terminal-safe';
import { comparisonReport, parseEarlierReport, renderComparisonText } from '../../../shared/report/comparison-report';
import type { Report } from '../../../shared/model/report';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';

/** An earlier report.json is data from disk: at most this much of it is read. */
const EARLIER_REPORT_LIMIT = 64 * 1024 * 1024;

/** The --before report, or null (the reason already on stderr). */
async function readEarlierReport(path: string, io: CliIo, locale: Locale): Promise<Report | null> {
  const notReport = () => {
    io.stderr.write(terminalSafeText(format(locale, 'compare.notReport.detail', { file: path })) + '\n');
    return null;
  };
  try {
    if ((await stat(path)).size > EARLIER_REPORT_LIMIT) return notReport();
    const parsed = parseEarlierReport(path, await readFile(path, 'utf8'));
    return parsed.ok ? parsed.value : notReport();
  } catch {
    return notReport();
  }
}
import { userTrustAnchors } from '../../../shared/engine/user-trust';

/** Exit codes of findings.md: 0 healthy, 1 a problem (see exitStatusOf), 2 usage error or nothing readable. */
export { EXIT_CLEAN, EXIT_FOUND } from '../../../shared/report/exit-status';
export const EXIT_USAGE = 2;

/** The input name of text piped in with `-` (as the app names pasted text pasted-N.txt). */
export const STDIN_NAME = 'stdin.txt';

/** Reads the inputs and runs the engine: shared by `analyze` and `export`. Null when the CLI already printed why it stops. */
export async function runCliAnalysis(args: CliArgs, io: CliIo, locale: Locale): Promise<RunResult | null> {
  let password = args.password;
  if (args.passwordEnv !== undefined) {
    password = io.env[args.passwordEnv];
    if (password === undefined) {
      io.stderr.write(format(locale, 'cli.passwordEnvMissing', { name: terminalSafe(args.passwordEnv) }) + '\n');
      return null;
    }
  }
  const trust = await loadTrustAnchors(args.trust);
  if (trust.unreadable.length > 0) {
    for (const file of trust.unreadable) io.stderr.write(format(locale, 'cli.trustUnreadable', { file: terminalSafe(file) }) + '\n');
    return null;
  }
  // A lone "-" is standard input: pasted text (an NDR, log lines, cmdlet output) whose kind the readers find.
  const stdin: InputFile[] = args.paths.includes('-') ? [{ name: STDIN_NAME, bytes: await readStdin(io) }] : [];
  const collected = await collectInputs(args.paths.filter((p) => p !== '-'));
  const rejected: InputOutcome[] = collected.unreadable.map((u) => rejectedOutcome(u.path, { code: 'input.unreadable', params: { reason: u.reason } }).outcome);
  const wantsNetwork = args.probe !== undefined || args.fetchAia;
  const onProgress = terminalProgress(io, locale);
  const jobs = args.jobs ?? Math.min(4, availableParallelism());
  // Threads pay off from two files up, or for one large file read in shares (a 1 GB .evtx), and exist only in
  // the built CLI (bin/relay-doctor.js names the script).
  const threadsPay = collected.inputs.length > 1 || collected.inputs.some((input) => input.size > SHARE_ABOVE_BYTES);
  const readWorker = jobs > 1 && threadsPay ? io.readWorker : undefined;
  return runAnalysis([...stdin, ...collected.inputs], {
    locale,
    ...(onProgress ? { onProgress } : {}),
    ...(readWorker ? { readAll: parallelFileReadAll(readWorker, jobs) } : {}),
    // The network is touched only when --probe or --fetch-aia asked for it (architecture.md "Offline by default").
    ...(wantsNetwork ? { augment: (evidence) => networkEvidence(args, evidence, [...trust.anchors, ...userTrustAnchors(trust.roots)], io, locale) } : {}),
    now: args.at ?? new Date(),
    trustAnchors: trust.anchors,
    trustedRoots: trust.roots,
    rejected,
    ...(args.expectName !== undefined ? { expectName: args.expectName } : {}),
    ...(args.maxIntermediates !== undefined ? { maxIntermediates: args.maxIntermediates } : {}),
    ...(password !== undefined ? { password } : {}),
  });
}

async function networkEvidence(
  args: CliArgs,
  evidence: readonly Evidence[],
  anchors: readonly TrustAnchor[],
  io: CliIo,
  locale: Locale,
): Promise<readonly Evidence[]> {
  const got = await networkEvidenceForAnalyze({
    ...(args.probe !== undefined ? { probe: args.probe } : {}),
    fetchAia: args.fetchAia,
    ...(args.allowPrivateAia ? { allowPrivateAia: true } : {}),
    evidence: evidenceOfKind(evidence, 'certificates'),
    anchorsBase64: anchors.map((a) => a.derBase64),
  });
  for (const failure of got.failures) io.stderr.write(networkErrorText(locale, failure) + '\n');
  return got.evidence;
}

/**
 * `relay-doctor analyze`: the report as JSON (--json) or a localized summary. With --before <report.json>
 * the earlier report is compared with this one (shared/report/compare-reports.ts, the app's Before/after):
 * the JSON gets a `comparison` field, the summary a section; an unreadable earlier report is exit 2.
 */
export async function analyzeCommand(args: CliArgs, io: CliIo, locale: Locale): Promise<number> {
  const earlier = args.before === undefined ? undefined : await readEarlierReport(args.before, io, locale);
  if (earlier === null) return EXIT_USAGE;
  const result = await runCliAnalysis(args, io, locale);
  if (!result) return EXIT_USAGE;
  const { report } = result;
  const comparison = earlier && args.before !== undefined ? comparisonReport(basename(args.before), earlier, report) : undefined;
  if (args.json) io.stdout.write(JSON.stringify(comparison ? { ...report, comparison } : report, null, 2) + '\n');
  else {
    io.stdout.write(renderTextSummary(terminalSafeValues(report), locale));
    if (comparison) io.stdout.write('\n' + renderComparisonText(terminalSafeValues(comparison), locale));
  }
  if (!report.inputs.some((i) => i.status === 'ok')) {
    io.stderr.write(format(locale, 'cli.noInput') + '\n');
    return EXIT_USAGE;
  }
  return exitStatusOf(report);
}
