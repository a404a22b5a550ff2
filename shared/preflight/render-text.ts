import { format } from '../i18n/format';
import type { Locale } from '../i18n/locales';
import type { MessageParams } from '../i18n/format';
import type { PreflightReport } from './types';
import { formatLocal, localizeDates } from '../i18n/dates';

const MARK = { pass: 'preflight.outcome.pass', warn: 'preflight.outcome.warn', fail: 'preflight.outcome.fail', unknown: 'preflight.outcome.unknown' } as const;

/**
 * The localized text `relay-doctor preflight` prints without --json: the verdict and its reasons first, then
 * every check with its outcome, what it found and the evidence; checks by their titles, dates in the reader's
 * language and zone (`--json` keeps ids and UTC). The caller makes it terminal-safe.
 */
export function renderPreflightText(report: PreflightReport, locale: Locale): string {
  const t = (key: string, params?: MessageParams) => format(locale, key, params);
  const title = (id: string) => t(`${id}.title`);
  const c = report.certificate;
  const out: string[] = [t('preflight.text.heading', { subject: c.subject, thumbprint: c.sha1, file: c.file, time: formatLocal(report.validationTime, locale) }), ''];
  if (report.verdict === 'willBreak') out.push(t('preflight.text.willBreak', { count: report.failed.length, because: report.failed.map(title) }));
  else if (report.warnings.length > 0) out.push(t('preflight.text.willWorkWarnings', { count: report.warnings.length, checks: report.warnings.map(title) }));
  else out.push(t('preflight.text.willWork'));
  out.push('');
  for (const check of report.checks) {
    out.push(t('preflight.text.check', { mark: t(MARK[check.outcome]), title: title(check.id) }));
    out.push(t('preflight.text.detail', { text: t(`${check.id}.${check.reason}`, localizeDates(check.params, locale)) }));
    if (check.evidence.length > 0) out.push(t('preflight.text.evidence', { refs: check.evidence }));
  }
  out.push('', t('preflight.text.sendConnector', { value: c.sendConnectorName }));
  return out.join('\n') + '\n';
}
