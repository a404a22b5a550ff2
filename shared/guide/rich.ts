import { format, type MessageParams } from '../i18n/format';
import type { Locale } from '../i18n/locales';
import type { RichText } from './model';

/** Windows UI names (windows-ui-terms.md), one catalog key each: `winui.<name>`. */
export const UI_TERMS = [
  'certificatesSnapIn', 'addRemoveSnapIn', 'computerAccount', 'localComputer', 'certificatesLocalComputer',
  'personal', 'certificatesFolder', 'intermediateCAs', 'trustedRootCAs', 'certificationPath', 'viewCertificate',
  'details', 'copyToFile', 'exportWizard', 'derFormat', 'next', 'finish', 'allTasks', 'import', 'importWizard',
  'eventViewer', 'appsAndServicesLogs', 'operational', 'enableLog', 'saveAllEventsAs', 'file', 'delete',
  // IIS 6 SMTP (windows-ui-terms.md rows 26–31): only the English names are confirmed.
  'iis6Manager', 'smtpVirtualServer', 'properties', 'deliveryTab', 'outboundSecurity', 'tlsEncryption',
] as const;

const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * Formats a guide message whose `{ui_<term>}` arguments are Windows UI names: they come back as `{ ui }`
 * parts so renderers can set them apart. Private-use characters mark them through ICU formatting.
 */
export function richText(locale: Locale, key: string, params: MessageParams = {}): RichText {
  const ui: Record<string, string> = {};
  for (const term of UI_TERMS) ui[`ui_${term}`] = `${OPEN}${format(locale, `winui.${term}`)}${CLOSE}`;
  const text = format(locale, key, { ...ui, ...params });
  const parts: (string | { ui: string })[] = [];
  for (const piece of text.split(OPEN)) {
    const end = piece.indexOf(CLOSE);
    if (end < 0) {
      if (piece) parts.push(piece);
      continue;
    }
    parts.push({ ui: piece.slice(0, end) });
    if (end + 1 < piece.length) parts.push(piece.slice(end + 1));
  }
  return parts;
}
