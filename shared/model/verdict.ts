import type { Confidence } from './finding';

/**
 * The one verdict of an analysis (findings.md "verdict"): the lead cause and how sure, the one next action, the
 * ranked alternatives and the evidence set apart because it describes something else.
 */
export type VerdictStatus = 'cause' | 'insufficientEvidence' | 'healthy';
export type NextAction = 'fix' | 'collect' | 'none';

/** Evidence the verdict asks for when it cannot decide (stable keys; titles in the diagnosis catalog). */
export type CollectKey =
  | 'sendProtocolLog'
  | 'capi2Events'
  | 'inboundConnector'
  | 'sendConnector'
  | 'exchangeCertificate'
  | 'acceptedDomains'
  | 'certificateChain'
  | 'probe';

export interface Verdict {
  readonly status: VerdictStatus;
  readonly cause: string | null;
  readonly confidence: Confidence | null;
  readonly next: {
    readonly action: NextAction;
    /** Where to act or collect, when the evidence names it. */
    readonly server?: string;
    readonly remediation: readonly string[];
    readonly collect: readonly CollectKey[];
  };
  readonly alternatives: readonly string[];
  readonly mismatches: ReadonlyArray<{ readonly finding: string; readonly evidence: readonly string[] }>;
  /** A symptom (5.7.64 or another refusal) is in the evidence: decides the exit status when nothing else can. */
  readonly symptom: boolean;
}
