import { readTrustFiles, untrustedRoots, type TrustedRoot } from '../../../shared/engine/user-trust';
import type { Evidence } from '../../../shared/model/evidence';
import type { Report } from '../../../shared/model/report';
import type { AnalysisOutcome, TrustFile } from './analysis-protocol';

/** The admin's trust files read as the CLI reads `--trust` (shared/engine/user-trust.ts), next to the evidence. */
export async function readCaseTrust(files: readonly TrustFile[] | undefined): Promise<{ roots: TrustedRoot[]; unreadable: string[] }> {
  const inputs = await Promise.all((files ?? []).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.blob.arrayBuffer()) })));
  return readTrustFiles(inputs);
}

/** What an outcome says about trust: the roots it could trust, and the trust files that held no certificate. */
export function trustOutcome(
  evidence: readonly Evidence[],
  report: Report,
  unreadable: readonly string[],
): Pick<AnalysisOutcome, 'untrustedRoots' | 'trustUnreadable'> {
  return { untrustedRoots: untrustedRoots(evidence, report), ...(unreadable.length > 0 ? { trustUnreadable: unreadable } : {}) };
}
