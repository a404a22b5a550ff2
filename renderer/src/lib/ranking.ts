import { CONFIDENCE_ORDER, SEVERITY_ORDER } from '../../../shared/model/finding';
import type { CauseReport, FindingReport } from '../../../shared/model/report';

/** Causes, most certain first (stable for equal confidence, so the engine's order breaks ties). */
export function rankCauses(causes: readonly CauseReport[]): CauseReport[] {
  return [...causes].sort((a, b) => CONFIDENCE_ORDER.indexOf(a.confidence) - CONFIDENCE_ORDER.indexOf(b.confidence));
}

/** Findings, most severe first, then most certain. */
export function rankFindings(findings: readonly FindingReport[]): FindingReport[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      CONFIDENCE_ORDER.indexOf(a.confidence) - CONFIDENCE_ORDER.indexOf(b.confidence),
  );
}
