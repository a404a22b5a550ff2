import type { DisplayLocale } from './format';
import { PSEUDO_INTL_LOCALE, PSEUDO_LOCALE } from './pseudo';

/**
 * Names in a sentence joined as the language joins them: "A, B, and C", "A, B a C", "A, B et C" (issue 21
 * item 5). `unit` joins without a conjunction (URLs, addresses: a list, not an enumeration in prose).
 * For user text only: ids, JSON and scripts keep their own separators.
 */
export function formatList(locale: DisplayLocale, items: readonly string[], type: 'conjunction' | 'disjunction' | 'unit' = 'conjunction'): string {
  return new Intl.ListFormat(locale === PSEUDO_LOCALE ? PSEUDO_INTL_LOCALE : locale, { type, style: 'long' }).format(items);
}
