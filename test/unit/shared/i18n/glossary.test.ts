import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { catalog } from '../../../../shared/i18n/catalog';
import { LOCALES } from '../../../../shared/i18n/locales';

/**
 * docs/glossary/forbidden.json: per language, the variants a translator must not use for a concept the
 * glossary (docs/glossary/<lang>.md) gives one term. A `pattern` is a regular expression matched as a whole
 * word (unless `word` is false), case-insensitively; `allow` lists keys where the same word legitimately
 * means something else.
 */
interface Forbidden {
  readonly pattern: string;
  readonly use: string;
  readonly why: string;
  readonly allow?: readonly string[];
  /** false for a pattern about punctuation or spacing, which no word boundary surrounds. */
  readonly word?: boolean;
}
type ForbiddenList = Readonly<Record<string, readonly Forbidden[]>>;

const forbidden = JSON.parse(readFileSync(new URL('../../../../docs/glossary/forbidden.json', import.meta.url), 'utf8')) as ForbiddenList;

/** Whole-word match: no letter, digit or hyphenated continuation on either side (Unicode-aware). */
function wholeWord(pattern: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${pattern})(?![\\p{L}\\p{N}_])`, 'iu');
}

function matcher(f: Forbidden): RegExp {
  return f.word === false ? new RegExp(f.pattern, 'iu') : wholeWord(f.pattern);
}

describe('glossary: forbidden variants', () => {
  it('has a list for every shipped language, each entry saying what to use and why', () => {
    for (const locale of LOCALES) {
      expect(forbidden[locale], locale).toBeDefined();
      for (const f of forbidden[locale] ?? []) {
        expect(f.use.length, `${locale}: ${f.pattern}`).toBeGreaterThan(0);
        expect(f.why.length, `${locale}: ${f.pattern}`).toBeGreaterThan(0);
        expect(() => matcher(f)).not.toThrow();
      }
    }
  });

  it('matches whole words only and ignores case', () => {
    expect(wholeWord('řetězec').test('Řetězec certifikátů')).toBe(true);
    expect(wholeWord('log').test('katalogu')).toBe(false);
    expect(wholeWord('relé').test('el relé')).toBe(true);
    expect(wholeWord('dossier').test('dossiers')).toBe(false);
  });

  it('finds an ordinary space before French punctuation, not a no-break one', () => {
    const rule = forbidden.fr?.find((f) => f.word === false);
    expect(rule).toBeDefined();
    if (!rule) return;
    const re = matcher(rule);
    expect(re.test('Certitude : certaine')).toBe(true);
    expect(re.test('Pourquoi ?')).toBe(true);
    expect(re.test('Certitude\u00a0: certaine')).toBe(false);
    expect(re.test('Pourquoi\u202f?')).toBe(false);
  });

  for (const locale of LOCALES) {
    it(`finds no forbidden variant in the ${locale} catalog`, () => {
      const messages = catalog(locale);
      const hits: string[] = [];
      for (const f of forbidden[locale] ?? []) {
        const re = matcher(f);
        for (const [key, value] of Object.entries(messages)) {
          if (f.allow?.includes(key)) continue;
          const m = re.exec(value);
          if (m) hits.push(`${key}: "${m[0]}" (use ${f.use})`);
        }
      }
      expect(hits).toEqual([]);
    });
  }

  it('allows only keys that exist, so a stale exception cannot hide a new use', () => {
    for (const locale of LOCALES) {
      const messages = catalog(locale);
      for (const f of forbidden[locale] ?? []) for (const key of f.allow ?? []) expect(messages[key], `${locale}: ${key}`).toBeDefined();
    }
  });
});
