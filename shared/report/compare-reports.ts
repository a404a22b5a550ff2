import type { FindingReport, Report } from '../model/report';
import type { VerdictStatus } from '../model/verdict';

/** A report's verdict in short: what it concluded and which cause led (absent in reports older than the verdict). */
export interface VerdictBrief {
  readonly status: VerdictStatus;
  readonly cause: string | null;
}

export interface ReportComparison {
  /** In the baseline, gone now: what the fix fixed. */
  readonly resolved: readonly FindingReport[];
  /** New since the baseline. */
  readonly added: readonly FindingReport[];
  readonly unchanged: readonly FindingReport[];
  /** The verdict before and after (null: that report has none). */
  readonly verdict: { readonly before: VerdictBrief | null; readonly after: VerdictBrief | null };
}

function brief(report: Report): VerdictBrief | null {
  return report.verdict ? { status: report.verdict.status, cause: report.verdict.cause } : null;
}

/**
 * Before/after by finding id (issue 22 item 3, shared by the app's Before/after view and `analyze --before`):
 * a finding is the same problem when its id (stable, findings.md) is the same, even if it is now proven by
 * other files. Ids that repeat (one per certificate, per session) are counted. Pure.
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
  return { resolved, added, unchanged, verdict: { before: brief(before), after: brief(after) } };
}
