import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { catalog } from '../../../../shared/i18n/catalog';
import { format, has } from '../../../../shared/i18n/format';
import { LOCALES, SOURCE_LOCALE } from '../../../../shared/i18n/locales';
import { PSEUDO_LOCALE, pseudoMessage } from '../../../../shared/i18n/pseudo';

/** Argument names with their kind, recursively, so plural/select structure is compared as well. */
function shape(elements: MessageFormatElement[], into: string[] = []): string[] {
  for (const el of elements) {
    if (el.type === TYPE.literal) continue;
    if (el.type === TYPE.pound) into.push('#');
    else if (el.type === TYPE.plural || el.type === TYPE.select) {
      into.push(`${el.value}:${el.type}:${Object.keys(el.options).sort().join('|')}`);
      for (const opt of Object.values(el.options)) shape(opt.value, into);
    } else if ('value' in el) into.push(`${el.value}:${el.type}`);
  }
  return into;
}

/** Sample values that satisfy every argument: numbers where plural/number needs them, text elsewhere. */
function sampleParams(message: string): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  const walk = (els: MessageFormatElement[]) => {
    for (const el of els) {
      if (el.type === TYPE.plural || el.type === TYPE.number) params[el.value] = 3;
      else if (el.type === TYPE.select) params[el.value] = 'other';
      else if (el.type === TYPE.argument) params[el.value] ??= `«${el.value}»`;
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) walk(o.value);
    }
  };
  walk(parse(message, { ignoreTag: true }));
  return params;
}

/** Text arguments outside any plural/select: these must appear in every rendering. */
function topLevelTextArguments(message: string): string[] {
  return parse(message, { ignoreTag: true }).flatMap((el) => (el.type === TYPE.argument ? [`«${el.value}»`] : []));
}

describe('the pseudo-locale', () => {
  const english = catalog(SOURCE_LOCALE);

  it('is not a shipped language, so the parity test demands no catalog for it', () => {
    expect(LOCALES as readonly string[]).not.toContain(PSEUDO_LOCALE);
  });

  it('has exactly the English keys', () => {
    expect(Object.keys(catalog(PSEUDO_LOCALE)).sort()).toEqual(Object.keys(english).sort());
    expect(has(PSEUDO_LOCALE, 'guide.title')).toBe(true);
  });

  it('keeps every argument, #, and plural/select branch of every English message', () => {
    for (const [key, message] of Object.entries(english)) {
      const pseudo = catalog(PSEUDO_LOCALE)[key] ?? '';
      expect(shape(parse(pseudo, { ignoreTag: true })).sort(), key).toEqual(shape(parse(message, { ignoreTag: true })).sort());
    }
  });

  it('formats every English key without an error, bracketed, accented and with the values inserted', () => {
    for (const [key, message] of Object.entries(english)) {
      const params = sampleParams(message);
      const out = format(PSEUDO_LOCALE, key, params);
      expect(out.startsWith('['), key).toBe(true);
      expect(out.endsWith(']'), key).toBe(true);
      for (const value of topLevelTextArguments(message)) expect(out, key).toContain(value);
    }
  });

  it('makes text about 40 % longer and replaces plain Latin letters with accented ones', () => {
    const source = 'Import the missing intermediate certificates';
    const pseudo = format(PSEUDO_LOCALE, 'guide.import.title');
    expect(format('en', 'guide.import.title')).toBe(source);
    expect(pseudo.length / source.length).toBeGreaterThanOrEqual(1.35);
    expect(pseudo.length / source.length).toBeLessThanOrEqual(1.6);
    expect(pseudo).not.toMatch(/[A-Za-z]/);
    expect(pseudo).toMatch(/^\[Îɱþöŕ/);
  });

  it('grows the whole English catalog by at least a third', () => {
    let en = 0;
    let ps = 0;
    for (const key of Object.keys(english)) {
      en += format('en', key, sampleParams(english[key] ?? '')).length;
      ps += format(PSEUDO_LOCALE, key, sampleParams(english[key] ?? '')).length;
    }
    expect(ps / en).toBeGreaterThan(1.33);
  });

  it('picks plural branches by English rules and keeps apostrophes that ICU would treat as quotes', () => {
    expect(format(PSEUDO_LOCALE, 'cli.export.written', { folder: 'C:\\out', count: 1 })).toContain('1 ƒîļéƒ');
    expect(format(PSEUDO_LOCALE, 'cli.export.written', { folder: 'C:\\out', count: 2 })).toContain('2 ƒîļéšƒî');
    expect(pseudoMessage("It's {name}'s '{literal}'")).not.toBe('');
    expect(format(PSEUDO_LOCALE, 'questions.connectorType.option.unknown')).toContain("'");
  });
});
