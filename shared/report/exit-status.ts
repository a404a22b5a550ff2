import { isActionable } from '../model/finding';
import type { Report } from '../model/report';

/** findings.md "The command line": 0 clean, 1 a problem, 2 a usage error or nothing readable (decided by the caller). */
export const EXIT_CLEAN = 0;
export const EXIT_FOUND = 1;

/**
 * The exit status follows the verdict (findings.md "verdict"): 0 for healthy, 1 for a cause, and 1 for
 * "not enough evidence" when a symptom (a 5.7.64 or another refusal) is in the evidence, else 0. A report from
 * before the verdict existed falls back to the old rule: 1 when a finding of severity medium or above exists.
 */
export function exitStatusOf(report: Pick<Report, 'verdict' | 'findings'>): number {
  const v = report.verdict;
  if (!v) return report.findings.some(isActionable) ? EXIT_FOUND : EXIT_CLEAN;
  if (v.status === 'cause') return EXIT_FOUND;
  if (v.status === 'insufficientEvidence' && v.symptom) return EXIT_FOUND;
  return EXIT_CLEAN;
}
