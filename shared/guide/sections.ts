import { format, has, type Translate } from '../i18n/format';
import type { Locale } from '../i18n/locales';
import type { Report } from '../model/report';
import type { FixPlan } from '../fixpack/types';
import type { CertificateRecord } from '../x509/types';
import { chainPicture } from './chain-picture';
import type { Block, GuideSection, GuideStep } from './model';
import { remediationById } from '../remediation/catalog';
import { remediationParams } from '../remediation/catalog-params';
import { entryText } from '../report/entry-text';
import { describeRef } from '../report/evidence-ref';
import { cnFirst } from '../x509/cn-first';

export interface GuideInput {
  readonly report: Report;
  readonly plan: FixPlan;
  readonly certificates: ReadonlyMap<string, CertificateRecord>;
  /** The intermediates the pack carries, with their file names. */
  readonly packFiles: readonly { readonly file: string; readonly cert: CertificateRecord }[];
}

/**
 * A message in the guide's locale. Cause, finding and remediation texts come with params from the evidence
 * (or from a saved report); ICU refuses a message whose argument is missing, so then the text the report
 * already carries is used instead of failing the whole fix pack.
 */
function textOr(locale: Locale, key: string, params: Record<string, unknown> | undefined, fallback: string): string {
  if (!has(locale, key)) return fallback;
  try {
    return format(locale, key, (params ?? {}) as Record<string, string>);
  } catch {
    return fallback;
  }
}

export function summary(input: GuideInput, t: (k: string, p?: Record<string, string>) => string): GuideSection {
  const { report, plan } = input;
  const blocks: Block[] = [];
  if (report.causes.length === 0) blocks.push({ type: 'paragraph', text: [t('guide.summary.none')] });
  for (const c of report.causes) {
    blocks.push({ type: 'heading', text: entryText(plan.locale, c, 'title', plan.timeZone) });
    blocks.push({ type: 'paragraph', text: [entryText(plan.locale, c, 'detail', plan.timeZone)] });
    blocks.push({ type: 'paragraph', text: [t('guide.summary.confidence', { confidence: t(`confidence.${c.confidence}`) })] });
  }
  blocks.push({ type: 'paragraph', text: [t('guide.summary.kb')] });
  return { id: 'summary', title: t('guide.section.summary'), blocks };
}

/** Why a file was not read, as the catalog says it ("Wrong password"), not its code. */
function rejection(locale: Locale, code: string | undefined): string {
  if (!code) return '';
  return has(locale, `${code}.title`) ? format(locale, `${code}.title`) : code;
}

export function evidence(input: GuideInput, t: Translate): GuideSection {
  const { report, plan } = input;
  const findings: Block = report.findings.length
    ? {
        type: 'table',
        header: [t('guide.col.severity'), t('guide.col.finding'), t('guide.col.evidence')],
        rows: report.findings.map((f) => {
          // Where, in words ("server.log, line 12", "message 1"): the raw references stay in report.json.
          // A log can support a finding with hundreds of lines: the first few identify it, report.json has all.
          const refs = f.evidence.slice(0, 5).map((ref) => describeRef(ref, t));
          return [
            t(`severity.${f.severity}`),
            entryText(plan.locale, f, 'title', plan.timeZone),
            f.evidence.length > 5 ? `${refs.join('; ')} … (+${f.evidence.length - 5})` : refs.join('; '),
          ];
        }),
      }
    : { type: 'paragraph', text: [t('guide.evidence.noFindings')] };
  const inputs: Block = {
    type: 'table',
    header: [t('guide.col.file'), t('guide.col.kind'), t('guide.col.status')],
    rows: report.inputs.map((i) => [
      i.file,
      t(`kind.${i.kind ?? 'unknown'}`),
      i.status === 'ok' ? t('guide.status.ok') : t('guide.status.rejected', { reason: rejection(plan.locale, i.error?.code) }),
    ]),
  };
  return {
    id: 'evidence',
    title: t('guide.section.evidence'),
    blocks: [{ type: 'heading', text: t('guide.evidence.findings') }, findings, { type: 'heading', text: t('guide.evidence.inputs') }, inputs],
  };
}

export function chains(input: GuideInput, t: (k: string) => string): GuideSection {
  const packFiles = new Map(input.packFiles.map((p) => [p.cert.sha1.toUpperCase(), p.file]));
  const blocks: Block[] = input.report.chains.map((chain) => ({
    type: 'chain',
    chain: chainPicture({ chain, certificates: input.certificates, packFiles, locale: input.plan.locale, timeZone: input.plan.timeZone, reported: input.report.certificates }),
  }));
  if (blocks.length === 0) blocks.push({ type: 'paragraph', text: [t('guide.chain.none')] });
  if (input.packFiles.length) {
    blocks.push({ type: 'paragraph', text: [t('guide.import.files')] });
    blocks.push({
      type: 'table',
      header: [t('guide.col.file'), t('guide.col.subject'), t('guide.col.thumbprint')],
      rows: input.packFiles.map((p) => [p.file, cnFirst(p.cert.subject), p.cert.sha1.toUpperCase()]),
    });
  }
  return { id: 'chain', title: t('guide.section.chain'), blocks };
}

/**
 * Fixes with no script block (adding an accepted domain, reissuing a certificate, a new connector) need the
 * admin's judgement or a portal: the guide gives their steps from the remediation catalog, by hand only.
 */
export function manualOnlySteps(input: GuideInput): GuideStep[] {
  const locale = input.plan.locale;
  const seen = new Set<string>();
  const steps: GuideStep[] = [];
  for (const cause of input.report.causes) {
    for (const id of cause.remediation) {
      const entry = remediationById(id);
      if (!entry || entry.scriptBlocks.length > 0 || seen.has(id)) continue;
      seen.add(id);
      const params = remediationParams(entry, cause.params ?? {});
      steps.push({
        id,
        title: textOr(locale, entry.titleKey, params, entry.id),
        blocks: [
          { type: 'paragraph', text: [textOr(locale, entry.detailKey, params, '')] },
          { type: 'heading', text: format(locale, 'guide.path.manual') },
          { type: 'steps', items: entry.stepsKeys.map((k) => [textOr(locale, k, params, k)]) },
          { type: 'paragraph', text: [entry.docUrl] },
        ],
      });
    }
  }
  return steps;
}
