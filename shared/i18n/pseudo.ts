import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

/**
 * A pseudo-locale for layout checks in development: every English message comes out accented, about 40 %
 * longer and in brackets (`[Çéŕţîƒîçåţéçéŕţ …]`), so text that was not translated, was truncated or was
 * glued together in code shows at a glance. It is generated from the English catalog at run time, never
 * stored, and is not in LOCALES (the parity test would otherwise demand a catalog file for it).
 */
export const PSEUDO_LOCALE = 'pseudo' as const;
export type PseudoLocale = typeof PSEUDO_LOCALE;

/** Plural rules, numbers and dates of the pseudo-locale follow English (Intl knows no `pseudo`). */
export const PSEUDO_INTL_LOCALE = 'en';

const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i] ?? c,
  ]),
);

const accent = (text: string): string => text.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c);

/** Each word grows by 40 % of itself (its own first letters repeated), so wrapping behaves like German. */
function pseudoText(text: string): string {
  return text.replace(/[A-Za-z]+/g, (word) => accent(word + word.slice(0, Math.ceil(word.length * 0.4))));
}

/** Only literal text changes: arguments, `#`, and the plural/select structure stay exactly as in English. */
function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: pseudoText(el.value) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(el.options).map(([k, opt]) => [k, { ...opt, value: transform(opt.value) }]),
      );
      return { ...el, options } as MessageFormatElement;
    }
    if (el.type === TYPE.tag) return { ...el, children: transform(el.children) };
    return el;
  });
}

/** The pseudo form of one ICU message, itself valid ICU with the same arguments. */
export function pseudoMessage(source: string): string {
  const ast = transform(parse(source, { ignoreTag: true }));
  return printAST([
    { type: TYPE.literal, value: '[' },
    ...ast,
    { type: TYPE.literal, value: ']' },
  ]);
}

/** The pseudo catalog for a source catalog (English), key by key. */
export function pseudoCatalog(source: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(source)) out[key] = pseudoMessage(message);
  return Object.freeze(out);
}
