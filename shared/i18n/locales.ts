/**
 * Languages shipped. English is the source catalog; every other language has every key (a test checks;
 * `npm run i18n:check` lists what a translation lacks). The development pseudo-locale is not here: see pseudo.ts.
 */
export const LOCALES = ['en', 'cs', 'de', 'fr', 'es', 'pl'] as const;
export type Locale = (typeof LOCALES)[number];
export const SOURCE_LOCALE: Locale = 'en';

/** Maps an OS or CLI locale tag (`cs-CZ`, `cs_CZ.UTF-8`, `C`) to a shipped locale, English otherwise. */
export function resolveLocale(tag: string | undefined | null): Locale {
  const base = (tag ?? '').toLowerCase().replace('_', '-').split(/[-.@]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : SOURCE_LOCALE;
}
