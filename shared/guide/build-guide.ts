import { format, type MessageParams } from '../i18n/format';
import { formatLocal } from '../i18n/dates';
import { entryText } from '../report/entry-text';
import type { Block, GuideDocument, GuideSection, GuideStep } from './model';
import { richText } from './rich';
import { GUIDE_STEPS, psCode } from './steps';
import { chains, evidence, manualOnlySteps, summary, type GuideInput } from './sections';

export type { GuideInput } from './sections';

/** A code block only when it holds a command (a pack that knows no certificate has nothing to check by hand). */
function nonEmpty(block: Block): Block[] {
  return block.type === 'code' && block.code.trim() === '' ? [] : [block];
}

/** Which window to open for the pack's scripts, from what the evidence shows the relay to be. */
function shellKey(plan: GuideInput['plan']): string {
  return plan.platform === 'exchange' ? 'guide.prepare.shellExchange' : plan.platform === 'iis' ? 'guide.prepare.shellIis' : 'guide.prepare.shellUnknown';
}

/**
 * Builds the fix guide: what is wrong (causes), the evidence, the chain picture, the steps — each with the
 * script way and the manual Windows way — then how to verify, roll back and collect more evidence. Evidence
 * that proves no fix (an NDR alone) gets no fix.ps1 (plan.hasFix): its guide says to run the collector on
 * the server the evidence names, and has no verify or rollback section.
 */
export function buildGuide(input: GuideInput): GuideDocument {
  const { plan, report } = input;
  const locale = plan.locale;
  const t = (key: string, params: MessageParams = {}) => format(locale, key, params);
  const r = (key: string, params: Record<string, string> = {}) => richText(locale, key, params);
  const ctx = { plan, locale, packFiles: input.packFiles };
  const server = plan.server;

  // How to open the scripts at all: the shell, a downloaded file's block and the execution policy.
  const unblock: Block[] = [
    { type: 'paragraph', text: r('guide.prepare.unblock') },
    psCode((w) => {
      w.line`Get-ChildItem -Path ${'.\\*.ps1'} | Unblock-File`;
      w.line`Set-ExecutionPolicy -Scope Process -ExecutionPolicy RemoteSigned`;
    }),
  ];
  const omitted: Block[] = plan.omitted.map((o) => ({ type: 'note', tone: 'warning', text: r('guide.omitted', { field: o.field, codePoint: o.codePoint }) }));

  const prepare: GuideStep = {
    id: 'prepare',
    title: t('guide.prepare.title'),
    blocks: [
      ...omitted,
      { type: 'steps', items: [r('guide.prepare.copy'), r(shellKey(plan)), r('guide.prepare.dryRun')] },
      ...unblock,
      psCode((w) => w.line`.\\fix.ps1`),
      { type: 'paragraph', text: r('guide.prepare.apply') },
      psCode((w) => w.line`.\\fix.ps1 -Apply`),
      { type: 'note', tone: 'info', text: r('guide.prepare.exo') },
    ],
  };
  const collectOnly: GuideStep = {
    id: 'collect',
    title: t('guide.collectOnly.title'),
    blocks: [
      ...omitted,
      { type: 'paragraph', text: r('guide.collectOnly.why') },
      { type: 'steps', items: [server ? r('guide.collectOnly.server', { server }) : r('guide.collectOnly.noServer'), r(shellKey(plan)), r('guide.collectOnly.run')] },
      ...unblock,
      psCode((w) => w.line`.\\collect-evidence.ps1`),
    ],
  };
  // Every block the causes call for gets its step, also when the script must skip it: the manual path and
  // placeholders still tell the admin what to do.
  const steps = plan.hasFix
    ? [prepare, ...plan.blocks.flatMap((id) => GUIDE_STEPS[id]?.(ctx) ?? []), ...manualOnlySteps(input)]
    : [collectOnly, ...manualOnlySteps(input)];
  const leafThumbprint = plan.leafThumbprint;

  const verify: GuideSection = {
    id: 'verify',
    title: t('guide.section.verify'),
    blocks: [
      { type: 'paragraph', text: r('guide.verify.script') },
      ...nonEmpty(psCode((w) => {
        for (const c of plan.intermediates) w.line`Test-Path -LiteralPath ${'Cert:\\LocalMachine\\CA\\' + c.sha1.toUpperCase()}`;
        if (leafThumbprint) {
          w.line`$leaf = Get-Item -LiteralPath ${'Cert:\\LocalMachine\\My\\' + leafThumbprint} -ErrorAction SilentlyContinue`;
          w.line`if (-not $leaf) { Write-Error ${t('guide.verify.leafMissing', { thumbprint: leafThumbprint })} } else { [System.IO.File]::WriteAllBytes(${'C:\\Windows\\Temp\\leaf.cer'}, $leaf.RawData); certutil.exe -verify ${'C:\\Windows\\Temp\\leaf.cer'} }`;
        }
      })),
      { type: 'note', tone: 'info', text: r('guide.verify.noUrlfetch') },
      { type: 'heading', text: t('guide.path.manual') },
      { type: 'steps', items: [r('guide.verify.manual1'), r('guide.verify.manual2'), r('guide.verify.manual3')] },
    ],
  };
  const rollback: GuideSection = {
    id: 'rollback',
    title: t('guide.section.rollback'),
    blocks: [
      { type: 'paragraph', text: r('guide.rollback.script') },
      psCode((w) => {
        w.line`.\\rollback.ps1 -BackupPath ${'.\\backup-yyyyMMdd-HHmmss'}`;
        w.line`.\\rollback.ps1 -BackupPath ${'.\\backup-yyyyMMdd-HHmmss'} -Apply`;
      }),
      { type: 'heading', text: t('guide.path.manual') },
      { type: 'steps', items: [r('guide.rollback.manual1'), r('guide.rollback.manual2')] },
    ],
  };

  return {
    lang: locale,
    title: t('guide.title'),
    subtitle: t('guide.subtitle'),
    contentsTitle: t('layout.guide.contents'),
    meta: [
      // In the reader's zone, named (a printed page cannot show a tooltip); report.json keeps UTC.
      { label: t('guide.meta.generatedAt'), value: formatLocal(report.generatedAt, locale, plan.timeZone) },
      { label: t('guide.meta.validationTime'), value: formatLocal(report.validationTime, locale, plan.timeZone) },
      // The causes by their titles: the ids are for report.json, the title page is for the admin.
      { label: t('guide.meta.diagnosis'), value: report.causes.map((c) => entryText(locale, c, 'title', plan.timeZone)).join('; ') || '-' },
      ...(server ? [{ label: t('guide.meta.server'), value: server }] : []),
    ],
    sections: [
      summary(input, t),
      evidence(input, t),
      chains(input, t),
      { id: 'steps', title: t('guide.section.steps'), blocks: [{ type: 'paragraph', text: r(plan.hasFix ? 'guide.steps.intro' : 'guide.steps.introCollect') }], steps },
      ...(plan.hasFix ? [verify, rollback] : []),
      {
        id: 'collect',
        title: t('guide.section.collect'),
        blocks: [
          { type: 'paragraph', text: r('guide.collect.intro') },
          ...(server ? [{ type: 'paragraph' as const, text: r('guide.collect.server', { server }) }] : []),
          psCode((w) => w.line`.\\collect-evidence.ps1`),
          { type: 'heading', text: t('guide.path.manual') },
          { type: 'steps', items: [r('guide.collect.manual1')] },
        ],
      },
    ],
  };
}
