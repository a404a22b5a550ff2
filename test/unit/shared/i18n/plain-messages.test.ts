import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalog } from '../../../../shared/i18n/catalog';
import { format } from '../../../../shared/i18n/format';
import { LOCALES } from '../../../../shared/i18n/locales';
import { PSEUDO_LOCALE } from '../../../../shared/i18n/pseudo';

/** What ICU itself makes of a message: the reference format() must match whichever way it takes. */
function icu(locale: string, source: string, params: Record<string, string | number> = {}): string {
  const out = new IntlMessageFormat(source, locale === PSEUDO_LOCALE ? 'en' : locale, undefined, { ignoreTag: true }).format(params);
  return Array.isArray(out) ? out.join('') : String(out);
}

// format() returns a message without arguments or ICU escapes as written, without compiling it (startup speed).
describe('messages without ICU syntax', () => {
  for (const locale of [...LOCALES, PSEUDO_LOCALE] as const) {
    it(`come out of format() in ${locale} exactly as ICU formats them, for every catalog message`, () => {
      const messages = Object.entries(catalog(locale));
      expect(messages.length).toBeGreaterThan(1000);
      let plain = 0;
      for (const [key, source] of messages) {
        if (/[{}]/.test(source)) continue;
        plain += 1;
        expect(format(locale, key), key).toBe(icu(locale, source));
      }
      expect(plain).toBeGreaterThan(300);
    });
  }
});
