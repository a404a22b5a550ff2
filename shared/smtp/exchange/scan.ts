/**
 * The first comma in text[from, end), or -1, with native `indexOf` (a char-by-char loop ran at ~350 MB/s,
 * the slowest part of the whole parse). The found position is remembered: callers move forward through a
 * text, so a long run of comma-free lines is searched once rather than once per line (which was quadratic,
 * fuzzer issue 12).
 */
let seenText = '';
let seenFrom = 0;
let seenAt = -1;
export function commaIn(text: string, from: number, end: number): number {
  if (text !== seenText || from < seenFrom || from > seenAt) {
    seenText = text;
    seenFrom = from;
    const at = text.indexOf(',', from);
    seenAt = at < 0 ? text.length : at;
  }
  return seenAt < end ? seenAt : -1;
}

/** The walk's answer when a field before the session id, or the id itself, is quoted (then read as CSV). */
export const QUOTED = -2;

/** The first quote in text[from, end), or -1; remembered like commaIn's comma (forward scans, linear). */
let quoteText = '';
let quoteFrom = 0;
let quoteAt = -1;
function quoteIn(text: string, from: number, end: number): number {
  if (text !== quoteText || from < quoteFrom || from > quoteAt) {
    quoteText = text;
    quoteFrom = from;
    const at = text.indexOf('"', from);
    quoteAt = at < 0 ? text.length : at;
  }
  return quoteAt < end ? quoteAt : -1;
}

const MAX_FIELDS = 256;
const STARTS = new Int32Array(MAX_FIELDS);
const ENDS = new Int32Array(MAX_FIELDS);

/**
 * The fields of the unquoted line text[start, end) as positions (read with fieldOf until the next call): their
 * count, or -1 when the line holds a quote or too many fields (then it is parsed with splitCsvLine). Same
 * fields as `split(',')`.
 */
export function fieldBounds(text: string, start: number, end: number): number {
  if (quoteIn(text, start, end) >= 0) return -1;
  let n = 0;
  let from = start;
  for (;;) {
    if (n === MAX_FIELDS) return -1;
    const comma = commaIn(text, from, end);
    STARTS[n] = from;
    ENDS[n] = comma < 0 ? end : comma;
    n++;
    if (comma < 0) return n;
    from = comma + 1;
  }
}

/** Field `index` of the line fieldBounds last cut (`count` fields), or undefined past its end. */
export function fieldOf(text: string, count: number, index: number): string | undefined {
  if (index < 0 || index >= count) return undefined;
  return text.slice(STARTS[index] as number, ENDS[index] as number);
}

/**
 * Field `index` of the line fieldBounds last cut as `Number()` reads it. A plain run of up to 15 digits (a
 * sequence-number, every line) is summed in place instead of cutting a string to convert; anything else goes
 * through `Number()` itself, so the value is the same.
 */
export function fieldNumber(text: string, count: number, index: number): number {
  if (index < 0 || index >= count) return Number(undefined);
  const start = STARTS[index] as number;
  const end = ENDS[index] as number;
  if (end <= start || end - start > 15) return Number(text.slice(start, end));
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number(text.slice(start, end));
    value = value * 10 + digit;
  }
  return value;
}

/** Drops the remembered positions and the text they point into (which would otherwise stay alive after a parse). */
export function forgetText(): void {
  seenText = quoteText = '';
  seenFrom = quoteFrom = 0;
  seenAt = quoteAt = -1;
}
