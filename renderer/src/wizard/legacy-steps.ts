/**
 * Case files saved before evidence came first (relay-doctor/case@1 with a `stepIndex` and no `step`) counted
 * the steps Start, Environment, Evidence, Findings, Chain, Fix: their index names a step by this table.
 */
const LEGACY_STEP_IDS: readonly string[] = ['start', 'environment', 'evidence', 'findings', 'chain', 'fix'];

/** The id of the step a case was saved at: its own `step` when it has one, else its legacy index's. */
export function savedStepId(saved: { readonly step?: string | undefined; readonly stepIndex: number }): string {
  return saved.step ?? LEGACY_STEP_IDS[saved.stepIndex] ?? 'start';
}
