import { REPORT_SCHEMA, type Report } from '../model/report';
import { err, ok, type Result } from '../result';
import type { Locale } from '../i18n/locales';
import { format } from '../i18n/format';
import { compareReports, type VerdictBrief } from './compare-reports';

/** `analyze --before`'s `comparison` field of the JSON report (DEVELOPERS.md "Before and after"). */
export interface ComparisonReport {
  readonly before: { readonly file: string; readonly generatedAt: string };
  readonly resolved: readonly string[];
  readonly new: readonly string[];
  readonly stillThere: readonly string[];
  readonly verdict: { readonly before: VerdictBrief | null; readonly after: VerdictBrief | null };
}

export interface EarlierReportError {
  readonly code: 'compare.notReport';
  readonly params: { readonly file: string };
}

/**
 * An earlier report.json as `compareReports` needs it, or why not: relay-doctor/report@1 with a findings list
 * of ids (the rest of the file is not trusted; it is data from disk like any evidence).
 */
export function parseEarlierReport(file: string, text: string): Result<Report, EarlierReportError> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err({ code: 'compare.notReport', params: { file } });
  }
  const r = value as Partial<Report> | null;
  const findingsOk = Array.isArray(r?.findings) && r.findings.every((f) => typeof f?.id === 'string');
  if (!r || r.schema !== REPORT_SCHEMA || !findingsOk) return err({ code: 'compare.notReport', params: { file } });
  const verdictOk = r.verdict === undefined || (typeof r.verdict?.status === 'string' && (r.verdict.cause === null || typeof r.verdict.cause === 'string'));
  const report = { ...(r as Report), generatedAt: typeof r.generatedAt === 'string' ? r.generatedAt : '' };
  if (!verdictOk) delete (report as { verdict?: unknown }).verdict;
  return ok(report);
}

/** The comparison as ids, for the JSON report. */
export function comparisonReport(file: string, before: Report, after: Report): ComparisonReport {
  const c = compareReports(before, after);
  return {
    before: { file, generatedAt: before.generatedAt },
    resolved: c.resolved.map((f) => f.id),
    new: c.added.map((f) => f.id),
    stillThere: c.unchanged.map((f) => f.id),
    verdict: c.verdict,
  };
}

function verdictText(locale: Locale, v: VerdictBrief | null): string {
  if (!v) return format(locale, 'compare.cli.noVerdict');
  return v.cause ? `${v.status} (${v.cause})` : v.status;
}

/** The text `analyze --before` prints after the summary: the verdict then, the verdict now, and each list by id. */
export function renderComparisonText(c: ComparisonReport, locale: Locale): string {
  const t = (key: string, params: Record<string, string | number> = {}) => format(locale, key, params);
  const out = [t('compare.cli.heading', { file: c.before.file, time: c.before.generatedAt })];
  out.push(t('compare.cli.verdict', { before: verdictText(locale, c.verdict.before), after: verdictText(locale, c.verdict.after) }));
  for (const [key, ids] of [['compare.cli.resolved', c.resolved], ['compare.cli.new', c.new], ['compare.cli.stillThere', c.stillThere]] as const) {
    out.push(t(key, { count: ids.length }));
    for (const id of ids) out.push(`  - ${id}`);
  }
  return out.join('\n') + '\n';
}
