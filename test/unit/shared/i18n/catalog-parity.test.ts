import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { catalog, catalogFiles, findDuplicateKeys } from '../../../../shared/i18n/catalog';
import { LOCALES, SOURCE_LOCALE } from '../../../../shared/i18n/locales';

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if ('value' in el && typeof el.value === 'string' && el.type !== TYPE.tag) into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const opt of Object.values(el.options)) argumentsOf(opt.value, into);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

describe('i18n catalogs', () => {
  const source = catalog(SOURCE_LOCALE);

  it('has English messages at all', () => {
    expect(Object.keys(source).length).toBeGreaterThan(10);
  });

  for (const locale of LOCALES) {
    it(`gives ${locale} exactly the English keys`, () => {
      const keys = Object.keys(catalog(locale)).sort();
      expect(keys).toEqual(Object.keys(source).sort());
    });

    it(`parses every ${locale} message as ICU with the same arguments as English`, () => {
      for (const [key, message] of Object.entries(catalog(locale))) {
        const ast = parse(message, { ignoreTag: true });
        const english = source[key];
        expect(english, key).toBeDefined();
        const expected = [...argumentsOf(parse(english ?? '', { ignoreTag: true }))].sort();
        expect([...argumentsOf(ast)].sort(), `${locale}:${key}`).toEqual(expected);
      }
    });
  }

  it('defines no key in two area files', () => {
    expect(findDuplicateKeys()).toEqual([]);
  });

  it('keeps the same area files in every locale', () => {
    const areas = (l: string) => catalogFiles().filter((f) => f.locale === l).map((f) => f.area).sort();
    for (const locale of LOCALES) expect(areas(locale)).toEqual(areas(SOURCE_LOCALE));
  });
});
