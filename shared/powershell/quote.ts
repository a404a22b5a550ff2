import { err, ok, type Result } from '../result';

/**
 * Characters PowerShell's tokenizer treats as a single quote inside a single-quoted string: the ASCII
 * apostrophe and the typographic quotes U+2018 ‘, U+2019 ’, U+201A ‚, U+201B ‛
 * (System.Management.Automation.Language.CharExtensions.IsSingleQuote). Each is escaped by doubling it,
 * exactly as CodeGeneration.EscapeSingleQuotedStringContent does.
 */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/**
 * Characters refused in a value: NUL ends strings in native code paths, line breaks (CR, LF, NEL, U+2028,
 * U+2029) would split a generated line (and break the CRLF-only invariant of the files we write), the other
 * C0 and C1 controls have no business in a name, and bidirectional overrides would make the code read
 * differently from what it does. Tab is allowed.
 */
const FORBIDDEN = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'g');

/** `U+2028` for a character, as notes and messages name it. */
export function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The value with each refused character spelled out as `<U+XXXX>`: safe to show, and to quote. */
export function safeDisplay(value: string): string {
  return value.replace(FORBIDDEN_ALL, (c) => `<${codePointName(c)}>`);
}

export interface QuoteError {
  readonly code: 'ps.quote.controlCharacter';
  readonly params: { readonly position: number; readonly codePoint: string };
}

/**
 * The one way a value enters a generated script: as a single-quoted PowerShell literal, in which nothing is
 * expanded (no `$var`, no `$( )`, no backtick escapes). Returns an error instead of a literal when the value
 * holds a control character that cannot be represented safely.
 */
export function quotePs(value: string): Result<string, QuoteError> {
  const bad = FORBIDDEN.exec(value);
  if (bad) {
    return err({
      code: 'ps.quote.controlCharacter',
      params: { position: bad.index, codePoint: codePointName(bad[0]) },
    });
  }
  return ok(`'${value.replace(SINGLE_QUOTES, (q) => q + q)}'`);
}
