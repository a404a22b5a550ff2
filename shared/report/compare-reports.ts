import type { FindingReport, Report } from '../../../shared/model/report';

export interface ReportComparison {
  /** In the baseline, gone now: what the fix fixed. */
  readonly resolved: readonly FindingReport[];
  /** New since the baseline. */
  readonly added: readonly FindingReport[];
  readonly unchanged: readonly FindingReport[];
}

/**
 * Before/after by finding id: a finding is the same problem when its id (stable, findings.md) is the same,
 * even if it is now proven by other files. Ids that repeat (one per certificate, per session) are counted.
 */
export function compareReports(before: Report, after: Report): ReportComparison {
  const remaining = new Map<string, number>();
  for (const f of after.findings) remaining.set(f.id, (remaining.get(f.id) ?? 0) + 1);
  const resolved: FindingReport[] = [];
  const unchanged: FindingReport[] = [];
  for (const f of before.findings) {
    const left = remaining.get(f.id) ?? 0;
    if (left > 0) {
      remaining.set(f.id, left - 1);
      unchanged.push(f);
    } else resolved.push(f);
  }
  const added: FindingReport[] = [];
  for (const f of after.findings) {
    const left = remaining.get(f.id) ?? 0;
    if (left > 0) {
      remaining.set(f.id, left - 1);
      added.push(f);
    }
  }
  return { resolved, added, unchanged };
}
