import type { Evidence } from '../model/evidence';
import type { Finding } from '../model/finding';
import type { Answers } from '../model/answers';
import type { Cause } from '../model/cause';

export interface DiagnosisInput {
  readonly findings: readonly Finding[];
  readonly evidence: readonly Evidence[];
  readonly answers: Answers;
}

/**
 * A correlation rule for one cause of domain.md §1.3: it reads all findings (and, where needed, the evidence
 * and the admin's answers) and says whether its cause applies, how surely, and why.
 */
export interface CauseRule {
  readonly id: string;
  evaluate(input: DiagnosisInput): Cause | null;
}
