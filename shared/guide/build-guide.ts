import { format } from '../i18n/format';
import type { GuideDocument, GuideStep } from './model';
import { richText } from './rich';
import { GUIDE_STEPS, psCode } from './steps';
import { chains, evidence, manualOnlySteps, summary, type GuideInput } from './sections';

export type { GuideInput } from './sections';

/**
 * Builds the fix guide: what is wrong (causes), the evidence, the chain picture, the steps — each with the
 * script way and the manual Windows way — then how to verify, roll back and collect more evidence.
 */
export function buildGuide(input: GuideInput): GuideDocument {
  const { plan, report } = input;
  const locale = plan.locale;
  const t = (key: string, params: Record<string, string> = {}) => format(locale, key, params);
  const r = (key: string, params: Record<string, string> = {}) => richText(locale, key, params);
  const ctx = { plan, locale, packFiles: input.packFiles };

  const prepare: GuideStep = {
    id: 'prepare',
    title: t('guide.prepare.title'),
    blocks: [
      { type: 'steps', items: [r('guide.prepare.copy'), r('guide.prepare.dryRun')] },
      psCode((w) => w.line`.\\fix.ps1`),
      { type: 'paragraph', text: r('guide.prepare.apply') },
      psCode((w) => w.line`.\\fix.ps1 -Apply`),
      { type: 'note', tone: 'info', text: r('guide.prepare.exo') },
    ],
  };
  // Every block the causes call for gets its step, also when the script must skip it: the manual path and
  // placeholders still tell the admin what to do.
  const steps = [prepare, ...plan.blocks.flatMap((id) => GUIDE_STEPS[id]?.(ctx) ?? []), ...manualOnlySteps(input)];
  const leafThumbprint = plan.leafThumbprint;

  return {
    lang: locale,
    title: t('guide.title'),
    subtitle: t('guide.subtitle'),
    meta: [
      { label: t('guide.meta.generatedAt'), value: report.generatedAt },
      { label: t('guide.meta.validationTime'), value: report.validationTime },
      { label: t('guide.meta.diagnosis'), value: report.causes.map((c) => c.id).join(', ') || '-' },
    ],
    sections: [
      summary(input, t),
      evidence(input, t),
      chains(input, t),
      { id: 'steps', title: t('guide.section.steps'), blocks: [{ type: 'paragraph', text: r('guide.steps.intro') }], steps },
      {
        id: 'verify',
        title: t('guide.section.verify'),
        blocks: [
          { type: 'paragraph', text: r('guide.verify.script') },
          psCode((w) => {
            if (leafThumbprint) w.line`$leaf = Get-Item -LiteralPath ${'Cert:\\LocalMachine\\My\\' + leafThumbprint}`;
            if (leafThumbprint) w.line`[System.IO.File]::WriteAllBytes(${'C:\\Windows\\Temp\\leaf.cer'}, $leaf.RawData)`;
            w.line`certutil.exe -verify -urlfetch ${'C:\\Windows\\Temp\\leaf.cer'}`;
          }),
          { type: 'heading', text: t('guide.path.manual') },
          { type: 'steps', items: [r('guide.verify.manual1'), r('guide.verify.manual2'), r('guide.verify.manual3')] },
        ],
      },
      {
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
      },
      {
        id: 'collect',
        title: t('guide.section.collect'),
        blocks: [
          { type: 'paragraph', text: r('guide.collect.intro') },
          psCode((w) => w.line`.\\collect-evidence.ps1`),
          { type: 'heading', text: t('guide.path.manual') },
          { type: 'steps', items: [r('guide.collect.manual1')] },
        ],
      },
    ],
  };
}
