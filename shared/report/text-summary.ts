import type { Report } from '../model/report';
import { format } from '../i18n/format';
import type { Locale } from '../i18n/locales';
import { formatLocal, type TimeZone } from '../i18n/dates';
import { cnFirst } from '../x509/cn-first';
import { entryText } from './entry-text';

/**
 * The readable summary `relay-doctor analyze` prints without --json: inputs, the diagnosis, findings (most
 * severe first) and chains, all in the report's locale: titles, not ids; dates in the reader's zone (the
 * machine's own unless `timeZone` says otherwise; --json keeps UTC); certificate names CN first.
 */
export function renderTextSummary(report: Report, locale: Locale, timeZone?: TimeZone): string {
  const t = (key: string, params?: Record<string, string | number | readonly string[]>) => format(locale, key, params);
  const title = (entry: Report['causes'][number] | Report['findings'][number]) => entryText(locale, entry, 'title', timeZone);
  const out: string[] = [t('cli.summary.heading', { time: formatLocal(report.validationTime, locale, timeZone) }), ''];
  if (report.verdict) out.push(...verdictLines(report, t, title), '');

  out.push(t('cli.summary.inputs', { count: report.inputs.length }));
  for (const input of report.inputs) {
    if (input.status === 'rejected') {
      out.push(t('cli.summary.inputRejected', { file: input.file, message: input.error?.message ?? '' }));
      continue;
    }
    out.push(t('cli.summary.inputOk', { file: input.file, kind: t(`kind.${input.kind ?? 'unknown'}`), items: input.items ?? 0 }));
    if (input.damaged) out.push(t('cli.summary.inputDamaged', { damaged: input.damaged }));
  }

  out.push('', t('cli.summary.causes'));
  if (report.causes.length === 0) out.push(t('cli.summary.noCause'));
  for (const cause of report.causes) {
    out.push(t('cli.summary.cause', { confidence: t(`confidence.${cause.confidence}`), title: title(cause) }));
  }

  out.push('', t('cli.summary.findings', { count: report.findings.length }));
  if (report.findings.length === 0) out.push(t('cli.summary.noFindings'));
  for (const finding of report.findings) {
    out.push(t('cli.summary.finding', { severity: t(`severity.${finding.severity}`), title: title(finding) }));
    out.push(t('cli.summary.findingDetail', { detail: entryText(locale, finding, 'detail', timeZone) }));
  }

  if (report.chains.length > 0) {
    out.push('', t('cli.summary.chains'));
    for (const chain of report.chains) {
      const subject = report.certificates.find((c) => c.sha1 === chain.leaf)?.subject;
      const leaf = subject ? cnFirst(subject) : chain.leaf;
      out.push(
        t('cli.summary.chain', {
          leaf,
          status: t(`cli.chainStatus.${chain.status}`),
          length: chain.path.length,
          store: chain.trustStore,
        }),
      );
      if (chain.sentByServer && chain.sentByServer.length > 0)
        out.push(t('verdict.chainSeen', { sent: chain.sentByServer.length, supplied: chain.supplied?.length ?? 0, length: chain.path.length }));
      if (chain.missingIssuer) out.push(t('cli.summary.chainMissing', { issuer: cnFirst(chain.missingIssuer) }));
      for (const url of chain.aiaUrls ?? []) out.push(t('cli.summary.chainAia', { url }));
    }
    out.push('', t('cli.summary.trustNote'));
  }
  return out.join('\n') + '\n';
}

type Translate = (key: string, params?: Record<string, string | number | readonly string[]>) => string;

/** The verdict first (issue 17 item 5): the lead cause and how sure, the one next action, the alternatives. */
function verdictLines(report: Report, t: Translate, title: (entry: Report['causes'][number]) => string): string[] {
  const v = report.verdict!;
  const out: string[] = [];
  const lead = report.causes.find((c) => c.id === v.cause);
  if (v.status === 'cause' && lead) out.push(t('verdict.headline.cause', { title: title(lead), confidence: t(`confidence.${lead.confidence}`) }));
  else out.push(t(`verdict.headline.${v.status === 'cause' ? 'insufficientEvidence' : v.status}`));
  const server = v.next.server;
  if (v.next.action === 'fix') {
    const action = v.next.remediation[0] ? t(`${v.next.remediation[0]}.title`) : '';
    out.push(server ? t('verdict.next.fixOn', { server, action }) : t('verdict.next.fix', { action }));
  } else if (v.next.action === 'collect') {
    // A list param: format() joins it as the language does ("A, B a C").
    const items = v.next.collect.map((k) => t(`verdict.collect.${k}`));
    const what = items.length > 0 ? items : t('verdict.collect.capi2Events');
    out.push(server ? t('verdict.next.collectOn', { server, what }) : t('verdict.next.collect', { what }));
  } else out.push(t('verdict.next.none'));
  if (v.alternatives.length > 0) {
    out.push(t('verdict.alternatives'));
    for (const id of v.alternatives) {
      const c = report.causes.find((x) => x.id === id);
      if (c) out.push(t('cli.summary.cause', { confidence: t(`confidence.${c.confidence}`), title: title(c) }));
    }
  }
  if (v.mismatches.length > 0) out.push(t('verdict.mismatches', { count: v.mismatches.length }));
  return out;
}
