import { err, ok, type Result } from '../result';

/**
 * Characters PowerShell's tokenizer treats as a single quote inside a single-quoted string: the ASCII
 * apostrophe and the typographic quotes U+2018 ‘, U+2019 ’, U+201A ‚, U+201B ‛
 * (System.Management.Automation.Language.CharExtensions.IsSingleQuote). Each is escaped by doubling it,
 * exactly as CodeGeneration.EscapeSingleQuotedStringContent does.
 */
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/**
 * Control characters refused in a value: NUL ends strings in native code paths and line breaks would split
 * a generated line (and break the CRLF-only invariant of the files we write). Tab is allowed.
 */
const FORBIDDEN = /[\u0000-\u0008\u000A-\u001F\u007F\u0085\u2028\u2029]/;

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
      params: { position: bad.index, codePoint: `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` },
    });
  }
  return ok(`'${value.replace(SINGLE_QUOTES, (q) => q + q)}'`);
}
