import { isActionable, type Severity } from '../model/finding';
import type { EvidenceKind } from '../model/evidence';

/**
 * The one-word outcome the UI and CLI lead with. "Healthy" needs evidence that could have shown the
 * problem: a certificate set (the chain and names are judged) or an SMTP log (the conversation with EOP
 * is seen). Settings, events or an NDR alone that show nothing wrong are not enough to say "all good".
 */
export type Verdict = 'problem' | 'healthy' | 'insufficientEvidence';

/** Kinds of evidence whose clean result means the relay path is fine. */
export const DECISIVE_KINDS: readonly EvidenceKind[] = ['certificates', 'smtpLog'];

/** Accepts a relay-doctor/report@1 document or anything shaped like its inputs, findings and causes. */
export interface VerdictInput {
  readonly inputs: ReadonlyArray<{ readonly kind: EvidenceKind | null; readonly status: 'ok' | 'rejected'; readonly items?: number }>;
  readonly findings: ReadonlyArray<{ readonly severity: Severity }>;
  readonly causes: readonly unknown[];
  /** The report's one verdict (decide-verdict.ts); when present it decides. */
  readonly verdict?: { readonly status: 'cause' | 'insufficientEvidence' | 'healthy' };
}

/**
 * - problem: a cause was diagnosed, or a finding of severity medium or above exists (the same threshold as
 *   the CLI's exit status 1, findings.md);
 * - healthy: neither, and at least one decisive input was read with items in it;
 * - insufficientEvidence: neither, and nothing decisive was read.
 * A report with a `verdict` (every report since issue 17) is read from it instead: the diagnosis already
 * weighed which findings belong to the case.
 */
export function verdict(input: VerdictInput): Verdict {
  if (input.verdict) return input.verdict.status === 'cause' ? 'problem' : input.verdict.status;
  if (input.causes.length > 0 || input.findings.some(isActionable)) return 'problem';
  const decisive = input.inputs.some(
    (i) => i.status === 'ok' && i.kind !== null && DECISIVE_KINDS.includes(i.kind) && (i.items ?? 0) > 0,
  );
  return decisive ? 'healthy' : 'insufficientEvidence';
}
