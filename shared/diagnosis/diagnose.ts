import { CONFIDENCE_ORDER } from '../model/finding';
import type { Cause } from '../model/cause';
import type { CauseRule, DiagnosisInput } from './cause-rule';
import { CAUSE_RULES } from './causes';

/** Runs every cause rule and ranks the causes that apply: most certain first, registry order within. */
export function diagnose(input: DiagnosisInput, rules: readonly CauseRule[] = CAUSE_RULES): Cause[] {
  const causes = rules.map((r) => r.evaluate(input)).filter((c): c is Cause => c !== null);
  return causes
    .map((cause, index) => ({ cause, index }))
    .sort(
      (a, b) =>
        CONFIDENCE_ORDER.indexOf(a.cause.confidence) - CONFIDENCE_ORDER.indexOf(b.cause.confidence) ||
        a.index - b.index,
    )
    .map((x) => x.cause);
}
