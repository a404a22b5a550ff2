import { format } from '../i18n/format';
import { resolveLocale } from '../i18n/locales';

/**
 * One line of the guide's header ("Generated: …"): label and value joined as the guide's language
 * punctuates it (French puts a no-break space before the colon), so the separator lives in the catalog
 * (`guide.meta.item`), not in a renderer. Callers escape label and value for their output first.
 */
export function metaLine(lang: string, label: string, value: string): string {
  return format(resolveLocale(lang), 'guide.meta.item', { label, value });
}
