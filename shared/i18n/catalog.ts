import { LOCALES, SOURCE_LOCALE, type Locale } from './locales';
import { PSEUDO_LOCALE, pseudoCatalog, type PseudoLocale } from './pseudo';

/**
 * Catalogs live in `locales/<lang>/<area>.json` (flat, dot-namespaced keys), one file per area so that each
 * part of the engine owns its strings. They are merged here; a duplicate key across areas is a bug a test
 * catches (`findDuplicateKeys`).
 */
const files = import.meta.glob<Record<string, string>>('./locales/*/*.json', { eager: true, import: 'default' });

export type Catalog = Readonly<Record<string, string>>;

function localeOf(path: string): string {
  return path.split('/')[2] ?? '';
}

/** Every catalog file: locale, area and messages (for tests and tooling). */
export function catalogFiles(): Array<{ locale: string; area: string; messages: Record<string, string> }> {
  return Object.entries(files).map(([path, messages]) => ({
    locale: localeOf(path),
    area: (path.split('/')[3] ?? '').replace(/\.json$/, ''),
    messages,
  }));
}

const merged = new Map<string, Catalog>();
for (const locale of LOCALES) {
  const all: Record<string, string> = {};
  for (const f of catalogFiles()) if (f.locale === locale) Object.assign(all, f.messages);
  merged.set(locale, Object.freeze(all));
}

let pseudo: Catalog | undefined;

/** A shipped language's catalog, or the pseudo-locale generated from English on first use. */
export function catalog(locale: Locale | PseudoLocale): Catalog {
  if (locale === PSEUDO_LOCALE) return (pseudo ??= pseudoCatalog(merged.get(SOURCE_LOCALE) ?? {}));
  return merged.get(locale) ?? {};
}

/** Keys defined in more than one area file of the same locale. */
export function findDuplicateKeys(): string[] {
  const dup: string[] = [];
  for (const locale of LOCALES) {
    const seen = new Set<string>();
    for (const f of catalogFiles()) {
      if (f.locale !== locale) continue;
      for (const key of Object.keys(f.messages)) {
        if (seen.has(key)) dup.push(`${locale}:${key}`);
        seen.add(key);
      }
    }
  }
  return dup;
}
