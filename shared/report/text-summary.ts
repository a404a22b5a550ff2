import type { Report } from '../model/report';
import { format } from '../i18n/format';
import type { Locale } from '../i18n/locales';

/**
 * The readable summary `relay-doctor analyze` prints without --json: inputs, the diagnosis, findings (most
 * severe first) and chains, all in the report's locale.
 */
export function renderTextSummary(report: Report, locale: Locale): string {
  const t = (key: string, params?: Record<string, string | number | readonly string[]>) => format(locale, key, params);
  const out: string[] = [t('cli.summary.heading', { time: report.validationTime }), ''];
  if (report.verdict) out.push(...verdictLines(report, t), '');

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
    out.push(t('cli.summary.cause', { confidence: t(`confidence.${cause.confidence}`), title: cause.title }));
  }

  out.push('', t('cli.summary.findings', { count: report.findings.length }));
  if (report.findings.length === 0) out.push(t('cli.summary.noFindings'));
  for (const finding of report.findings) {
    out.push(t('cli.summary.finding', { severity: t(`severity.${finding.severity}`), title: finding.title }));
    out.push(t('cli.summary.findingDetail', { detail: finding.detail }));
  }

  if (report.chains.length > 0) {
    out.push('', t('cli.summary.chains'));
    for (const chain of report.chains) {
      const leaf = report.certificates.find((c) => c.sha1 === chain.leaf)?.subject ?? chain.leaf;
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
      if (chain.missingIssuer) out.push(t('cli.summary.chainMissing', { issuer: chain.missingIssuer }));
      for (const url of chain.aiaUrls ?? []) out.push(t('cli.summary.chainAia', { url }));
    }
    out.push('', t('cli.summary.trustNote'));
  }
  return out.join('\n') + '\n';
}

type Translate = (key: string, params?: Record<string, string | number | readonly string[]>) => string;

/** The verdict first (issue 17 item 5): the lead cause and how sure, the one next action, the alternatives. */
function verdictLines(report: Report, t: Translate): string[] {
  const v = report.verdict!;
  const out: string[] = [];
  const lead = report.causes.find((c) => c.id === v.cause);
  if (v.status === 'cause' && lead) out.push(t('verdict.headline.cause', { title: lead.title, confidence: t(`confidence.${lead.confidence}`) }));
  else out.push(t(`verdict.headline.${v.status === 'cause' ? 'insufficientEvidence' : v.status}`));
  const server = v.next.server;
  if (v.next.action === 'fix') {
    const action = v.next.remediation[0] ? t(`${v.next.remediation[0]}.title`) : '';
    out.push(server ? t('verdict.next.fixOn', { server, action }) : t('verdict.next.fix', { action }));
  } else if (v.next.action === 'collect') {
    const what = v.next.collect.map((k) => t(`verdict.collect.${k}`)).join(', ') || t('verdict.collect.capi2Events');
    out.push(server ? t('verdict.next.collectOn', { server, what }) : t('verdict.next.collect', { what }));
  } else out.push(t('verdict.next.none'));
  if (v.alternatives.length > 0) {
    out.push(t('verdict.alternatives'));
    for (const id of v.alternatives) {
      const c = report.causes.find((x) => x.id === id);
      if (c) out.push(t('cli.summary.cause', { confidence: t(`confidence.${c.confidence}`), title: c.title }));
    }
  }
  if (v.mismatches.length > 0) out.push(t('verdict.mismatches', { count: v.mismatches.length }));
  return out;
}
