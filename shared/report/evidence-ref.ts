import type { Translate } from '../i18n/format';

/**
 * Makes an evidence reference (shared/model/finding.ts) readable: `cert:<sha1>`, `<file>#L<n>`,
 * `<file>#record:<id>`, `<file>#message:<n>` or a plain file name. The app, the guide and the CLI say it
 * alike; the raw reference stays in report.json.
 */
export function describeRef(ref: string, t: Translate): string {
  if (ref.startsWith('cert:')) return t('wizard.findings.ref.certificate', { sha1: ref.slice(5) });
  const hash = ref.lastIndexOf('#');
  if (hash < 0) return ref;
  const file = ref.slice(0, hash);
  const anchor = ref.slice(hash + 1);
  const line = /^L(\d+)$/.exec(anchor);
  if (line) return t('wizard.findings.ref.line', { file, line: Number(line[1]) });
  const [what, id = ''] = anchor.split(':');
  if (what === 'record') return t('wizard.findings.ref.record', { file, id });
  // Messages are stored from 0; an admin counts them from 1.
  if (what === 'message') return t('wizard.findings.ref.message', { file, id: /^\d+$/.test(id) ? String(Number(id) + 1) : id });
  return ref;
}
