/**
 * Text from evidence made safe for a terminal (issue 19 item 3). A certificate's subject, a file name inside a
 * zip or an SMTP server's reply is written by whoever made it: raw, an ESC sequence in it clears the screen
 * or paints a fake "All checks passed", a C1 CSI (U+009B) does the same on terminals that honour 8-bit
 * controls, a bidi override (U+202E) reorders what the admin reads, and a CR, LF, U+2028 or U+2029 starts a
 * line of the attacker's choosing. Each such character is written as its `\uXXXX` escape instead: visible,
 * inert, and in JSON text the very escape JSON itself would use, so JSON output keeps its exact meaning.
 */

/** C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates and marks, line and paragraph separators. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The same set less LF and TAB: the line structure of our own output. */
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One value from evidence, for use inside a line: every unsafe character escaped, line breaks and tabs too. */
export function terminalSafe(value: string): string {
  return value.replace(UNSAFE, escape);
}

/**
 * A whole text about to be written to a terminal: unsafe characters escaped, its own LF and TAB kept. A lone
 * CR is escaped too (it would let the rest of a line overwrite its start). Safe to apply to JSON.stringify's
 * output: the only raw characters it can change there sit inside strings, where `\uXXXX` means the same.
 */
export function terminalSafeText(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, escape);
}

/**
 * A copy of plain data (a report, a message's parameters) with every string, keys included, made safe with
 * `terminalSafe`: what a text renderer then puts between its own line breaks cannot start a line of its own.
 */
export function terminalSafeValues<T>(data: T): T {
  return safeCopy(data) as T;
}

function safeCopy(value: unknown): unknown {
  if (typeof value === 'string') return terminalSafe(value);
  if (Array.isArray(value)) return value.map(safeCopy);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[terminalSafe(k)] = safeCopy(v);
  return out;
}
