import { IntlMessageFormat } from 'intl-messageformat';
import { catalog } from './catalog';
import { SOURCE_LOCALE, type Locale } from './locales';
import { PSEUDO_INTL_LOCALE, PSEUDO_LOCALE, type PseudoLocale } from './pseudo';
import { formatSize, isSizeParam } from './sizes';
import { formatList } from './lists';

/** What format() accepts: a shipped language, or the development pseudo-locale. */
export type DisplayLocale = Locale | PseudoLocale;

export type MessageParams = Readonly<Record<string, string | number | boolean | Date | readonly string[]>>;

/** A translator bound to one locale; what UI, reports, scripts and the CLI all use. */
export type Translate = (key: string, params?: MessageParams) => string;

const cache = new Map<string, IntlMessageFormat>();

/**
 * What makes a message more than its own text in ICU: an argument (braces), or an apostrophe that escapes one
 * (`''`) or quotes a tag character (`'<`, `'>`: quoted even with ignoreTag). Over half the catalogs' messages
 * have neither; they are returned as written, which skips compiling them and, on the UI's first screen,
 * ICU's locale data (IntlMessageFormat's constructor asks Intl for it: tens of ms the first time in Chromium).
 */
const NOT_PLAIN = /[{}]|'['<>]/;

function compiled(locale: DisplayLocale, key: string, source: string): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let fmt = cache.get(id);
  if (!fmt) {
    const intlLocale = locale === PSEUDO_LOCALE ? PSEUDO_INTL_LOCALE : locale;
    fmt = new IntlMessageFormat(source, intlLocale, undefined, { ignoreTag: true });
    cache.set(id, fmt);
  }
  return fmt;
}

/**
 * Formats an ICU message. A key missing in the locale falls back to English; a key missing everywhere comes
 * back as the key itself, so a gap is visible rather than blank (and the parity test fails first). A number
 * param named `…Bytes` is printed as a size in the message's language (sizes.ts), a list param as the language
 * joins names (lists.ts).
 */
export function format(locale: DisplayLocale, key: string, params: MessageParams = {}): string {
  let used: DisplayLocale = locale;
  let source = catalog(locale)[key];
  if (source === undefined) {
    used = SOURCE_LOCALE;
    source = catalog(SOURCE_LOCALE)[key];
  }
  if (source === undefined) return key;
  if (!NOT_PLAIN.test(source)) return source;
  const values: Record<string, string | number | boolean | Date> = {};
  for (const [name, value] of Object.entries(params)) {
    if (isSizeParam(name, value)) values[name] = formatSize(used, value);
    else values[name] = Array.isArray(value) ? formatList(used, value as readonly string[]) : (value as string | number | boolean | Date);
  }
  const out = compiled(used, key, source).format(values);
  return Array.isArray(out) ? out.join('') : String(out);
}

export function has(locale: DisplayLocale, key: string): boolean {
  return catalog(locale)[key] !== undefined;
}

export function translator(locale: DisplayLocale): Translate {
  return (key, params) => format(locale, key, params);
}
