import type { Evidence } from '../model/evidence';
import type { Finding } from '../model/finding';
import type { Answers } from '../model/answers';
import type { Cause } from '../model/cause';
import type { ChainReport } from '../model/report';
import type { CaseFocus } from './correlate/focus';
import type { SessionFact } from './correlate/sessions';
import type { WireChain } from './correlate/chain-origins';

export interface DiagnosisInput {
  readonly findings: readonly Finding[];
  readonly evidence: readonly Evidence[];
  /**
   * The admin's answers. `diagnose()` merges in what the evidence implies (shared/questions/infer.ts) before
   * any rule runs, so rules read one combined view; an explicit answer wins over an inferred one.
   */
  readonly answers: Answers;
  /** Chains the certificate analyzer built; needed to see whether the sending side presented a full chain. */
  readonly chains?: readonly ChainReport[];
  /**
   * Only for fallback rules: the causes the primary rules found. Causes such as C9 and §10 are raised only
   * when nothing better explains the failure.
   */
  readonly primaryCauses?: readonly Cause[];
  /**
   * What the evidence is about (correlate/): the outbound sessions one by one, the servers and certificates of
   * the case, and the chains as the server sent them. Absent only in old tests that call a rule directly.
   */
  readonly sessions?: readonly SessionFact[];
  readonly focus?: CaseFocus;
  readonly wire?: readonly WireChain[];
}

/**
 * A correlation rule for one cause of domain.md §1.3: it reads all findings (and, where needed, the evidence
 * and the admin's answers) and says whether its cause applies, how surely, and why.
 */
export interface CauseRule {
  readonly id: string;
  /** `fallback` rules run after the primary ones and see their causes in `primaryCauses`. */
  readonly phase?: 'primary' | 'fallback';
  evaluate(input: DiagnosisInput): Cause | null;
}
