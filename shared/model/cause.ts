import type { Confidence, EvidenceRef, Params } from './finding';

/** A diagnosis: findings joined into an explanation (findings.md "Causes"). */
export interface Cause {
  readonly id: string;
  readonly confidence: Confidence;
  /** Ids of the findings that support it. */
  readonly findings: readonly string[];
  readonly remediation: readonly string[];
  readonly params: Params;
  readonly evidence: readonly EvidenceRef[];
}
