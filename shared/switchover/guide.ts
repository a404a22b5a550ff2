import { format } from '../i18n/format';
import { formatList } from '../i18n/lists';
import { formatLocal, formatLocalDate } from '../i18n/dates';
import type { Block, GuideDocument, GuideSection, GuideStep } from '../guide/model';
import { richText } from '../guide/rich';
import { psCode } from '../guide/steps';
import { switchOverSteps } from './script';
import type { SwitchOverPlan } from './types';

/**
 * The switch-over guide (Markdown/HTML through the fix guide's model and renderers): what the pre-flight
 * said, what the pack will do, how to run it, the manual way of each step, how to verify and roll back.
 * Evidence values enter as message parameters (escaped by the renderers) or through the ScriptWriter.
 */
export function buildSwitchOverGuide(plan: SwitchOverPlan): GuideDocument {
  const locale = plan.locale;
  const t = (key: string, params: Record<string, string> = {}) => format(locale, key, params);
  const r = (key: string, params: Record<string, string> = {}) => richText(locale, key, params);
  const cert = plan.certificate;
  const exchange = plan.platform === 'exchange';
  const connector = plan.sendConnector ?? t('switchover.guide.theConnector');

  const verdict: Block[] =
    plan.verdict === 'willBreak'
      ? [{ type: 'note', tone: 'warning', text: r('switchover.guide.willBreak', { failed: formatList(locale, plan.failed) }) }]
      : [{ type: 'note', tone: 'info', text: r('switchover.guide.willWork') }];
  const summary: GuideSection = {
    id: 'summary',
    title: t('switchover.guide.summaryTitle'),
    blocks: [
      ...verdict,
      {
        type: 'table',
        header: [t('switchover.guide.field'), t('switchover.guide.value')],
        rows: [
          [t('switchover.guide.subject'), cert.subject],
          [t('switchover.guide.issuer'), cert.issuer],
          [t('switchover.guide.thumbprint'), cert.sha1],
          // Dates in the reader's language and zone (the fix guide's way); report.json keeps them in UTC.
          [t('switchover.guide.notAfter'), formatLocalDate(cert.notAfter, locale)],
          ...(exchange ? [[t('switchover.guide.tlsName'), plan.tlsCertificateName]] : []),
          ...(exchange && plan.currentTlsCertificateName ? [[t('switchover.guide.currentName'), plan.currentTlsCertificateName]] : []),
          ...(plan.sourceServers.length ? [[t('switchover.guide.servers'), formatList(locale, plan.sourceServers)]] : []),
          ...plan.intermediates.map((c) => [t('switchover.guide.intermediate'), `${c.subject} (${c.sha1})`]),
        ],
      },
      { type: 'steps', items: switchOverSteps(plan).map((k) => r(k)) },
      ...plan.omitted.map((o): Block => ({ type: 'note', tone: 'warning', text: r('guide.omitted', { field: o.field, codePoint: o.codePoint }) })),
    ],
  };

  const prepare: GuideStep = {
    id: 'prepare',
    title: t('guide.prepare.title'),
    blocks: [
      {
        type: 'steps',
        items: [
          plan.pfxFile ? r('switchover.guide.copyPfx', { file: plan.pfxFile }) : r('switchover.guide.copyNoPfx'),
          r(exchange ? 'guide.prepare.shellExchange' : 'guide.prepare.shellIis'),
          r('switchover.guide.dryRun'),
        ],
      },
      { type: 'paragraph', text: r('guide.prepare.unblock') },
      psCode((w) => {
        w.line`Get-ChildItem -Path ${'.\\*.ps1'} | Unblock-File`;
        w.line`Set-ExecutionPolicy -Scope Process -ExecutionPolicy RemoteSigned`;
      }),
      psCode((w) => w.line`.\\switch-over.ps1`),
      { type: 'paragraph', text: r('switchover.guide.apply') },
      psCode((w) => w.line`.\\switch-over.ps1 -Apply`),
    ],
  };
  const manual: GuideStep[] = exchange
    ? [
        {
          id: 'enable',
          title: t('switchover.step.enable'),
          blocks: [
            { type: 'paragraph', text: r('switchover.guide.enableWhy') },
            psCode((w) => w.line`Enable-ExchangeCertificate -Server ${'<server>'} -Thumbprint ${cert.sha1} -Services SMTP`),
          ],
        },
        {
          id: 'repoint',
          title: t('switchover.step.repoint'),
          blocks: [
            { type: 'paragraph', text: r('switchover.guide.repointWhy', { connector }) },
            psCode((w) => {
              w.line`$c = Get-ExchangeCertificate -Thumbprint ${cert.sha1}`;
              w.line`Set-SendConnector -Identity ${connector} -TlsCertificateName ('<I>' + $c.Issuer + '<S>' + $c.Subject)`;
            }),
          ],
        },
      ]
    : [
        {
          id: 'outboundSecurity',
          title: t('switchover.step.outboundSecurity'),
          blocks: [{ type: 'paragraph', text: r('switchover.guide.iisWhy') }],
        },
      ];
  const steps: GuideSection = { id: 'steps', title: t('switchover.guide.stepsTitle'), blocks: [], steps: [prepare, ...manual] };
  const verify: GuideSection = {
    id: 'verify',
    title: t('guide.section.verify'),
    blocks: [{ type: 'paragraph', text: r(exchange ? 'switchover.guide.verifyExchange' : 'switchover.guide.verifyIis') }],
  };
  const rollback: GuideSection = {
    id: 'rollback',
    title: t('guide.section.rollback'),
    blocks: [{ type: 'paragraph', text: r('switchover.guide.rollback') }, psCode((w) => w.line`.\\rollback.ps1 -BackupPath ${'.\\backup-<date>'} -Apply`)],
  };
  return {
    lang: locale,
    title: t('switchover.guide.title'),
    subtitle: cert.subject,
    meta: [
      { label: t('guide.meta.generatedAt'), value: formatLocal(plan.generatedAt, locale) },
      { label: t('switchover.guide.platform'), value: t(`switchover.guide.platform.${plan.platform}`) },
    ],
    sections: [summary, steps, verify, rollback],
  };
}
