import { CONFIDENCE_ORDER } from '../model/finding';
import type { Cause } from '../model/cause';
import type { CauseRule, DiagnosisInput } from './cause-rule';
import { CAUSE_RULES } from './causes';
import { combineAnswers } from '../questions/infer';
import { sessionFacts } from './correlate/sessions';
import { wireChains } from './correlate/chain-origins';

/**
 * Runs every cause rule and ranks the causes that apply: most certain first, registry order within.
 * The rules see the admin's answers combined with what the evidence implies. Primary rules run first;
 * fallback rules (C9, §10) then see the primary causes, because they apply only when nothing else does.
 * With no actionable finding and no evidence-derived cause, the result is empty: the "healthy" outcome.
 */
export function diagnose(input: DiagnosisInput, rules: readonly CauseRule[] = CAUSE_RULES): Cause[] {
  const combined: DiagnosisInput = {
    ...input,
    answers: combineAnswers(input.evidence, input.findings, input.answers),
    sessions: input.sessions ?? sessionFacts(input.evidence),
    wire: input.wire ?? wireChains(input.evidence, input.chains ?? []),
  };
  const order = new Map(rules.map((r, i) => [r.id, i]));
  const primary = rules
    .filter((r) => r.phase !== 'fallback')
    .map((r) => r.evaluate(combined))
    .filter((c): c is Cause => c !== null);
  const fallback = rules
    .filter((r) => r.phase === 'fallback')
    .map((r) => r.evaluate({ ...combined, primaryCauses: primary }))
    .filter((c): c is Cause => c !== null);
  return [...primary, ...fallback].sort(
    (a, b) =>
      CONFIDENCE_ORDER.indexOf(a.confidence) - CONFIDENCE_ORDER.indexOf(b.confidence) ||
      (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
}
