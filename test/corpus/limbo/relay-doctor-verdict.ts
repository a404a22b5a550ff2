import { main } from '../../../electron/cli/index';
import { captureIo } from '../../helpers/cli-io';
import type { CaseFiles, LimboCase } from './cases';

interface ReportSlice {
  readonly inputs: ReadonlyArray<{ readonly file: string; readonly status: string }>;
  readonly findings: ReadonlyArray<{ readonly id: string; readonly severity: string; readonly params: Record<string, unknown> }>;
}

export interface RelayDoctorAnswer {
  readonly verdict: 'SUCCESS' | 'FAILURE';
  /** The critical findings and rejected inputs that made it a failure (for the table's notes). */
  readonly reasons: readonly string[];
}

/**
 * The answer of `relay-doctor analyze <leaf> [<intermediates>] --trust <roots> --at <time> --expect-name <name> --json`,
 * run in-process through the CLI's own entry point: a failure when any input is rejected or any finding is critical.
 */
export async function relayDoctorVerdict(c: LimboCase, files: CaseFiles): Promise<RelayDoctorAnswer> {
  const argv = ['analyze', files.leaf, ...(files.intermediates ? [files.intermediates] : []), '--trust', files.roots,
    '--at', files.at.toISOString(), '--json', '--lang', 'en', '--jobs', '1'];
  if (c.expected_peer_name) argv.push('--expect-name', c.expected_peer_name.value);
  if (c.max_chain_depth !== null) argv.push('--max-chain-depth', String(c.max_chain_depth));
  const io = captureIo();
  const code = await main(argv, io);
  if (code === 2 && !io.out()) return { verdict: 'FAILURE', reasons: [`exit 2: ${io.err().trim()}`] };
  const report = JSON.parse(io.out()) as ReportSlice;
  const reasons = [
    ...report.inputs.filter((i) => i.status !== 'ok').map((i) => `rejected ${i.file}`),
    ...report.findings.filter((f) => f.severity === 'critical').map((f) => f.id),
  ];
  // A chain judged fine although it breaks off: say so, with the severity the diagnosis gave it (§11.3 grades a
  // missing intermediate seen only in files as low).
  const brokenOff = report.findings.filter((f) => f.id === 'chain.missingIntermediate' && f.severity !== 'critical')
    .map((f) => `${f.id} (${f.severity}${f.params['seenOn'] ? `, seenOn ${String(f.params['seenOn'])}` : ''})`);
  const verdict = reasons.length > 0 ? 'FAILURE' : 'SUCCESS';
  return { verdict, reasons: [...new Set(verdict === 'FAILURE' ? reasons : brokenOff)] };
}
