import type { ExchangeColumns } from './fields';
import { fieldAt } from './prefilter';

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

/** skipFields' answer when a field on the way starts with a quote (the caller then parses the line as CSV). */
export const QUOTED = -2;

/**
 * Where field `count` of the line text[from, end) starts, counting commas without cutting strings; -1 when the
 * line has fewer fields, QUOTED when a field before it or itself is quoted (its commas may be data).
 */
export function skipFields(text: string, from: number, end: number, count: number): number {
  let at = from;
  for (let i = 0; i < count; i++) {
    if (text.charCodeAt(at) === 34) return QUOTED;
    const comma = commaIn(text, at, end);
    if (comma < 0) return -1;
    at = comma + 1;
  }
  return text.charCodeAt(at) === 34 ? QUOTED : at;
}

/**
 * Whether the line's event column is `-` (disconnect), the same answer as `fieldAt(…, event) === '-'`;
 * when the event follows the session id, scanning goes on from the id's end ([idStart, idEnd) as found).
 */
export function isDisconnect(text: string, start: number, end: number, idStart: number, idEnd: number, cols: ExchangeColumns): boolean {
  // An unquoted event field `-` after the first column means the line holds ",-": most lines have none, and
  // one remembered search finds that without counting their commas.
  if (cols.event > 0 && markIn(text, start, end) < 0 && quoteIn(text, start, end) < 0) return false;
  if (idStart < 0 || cols.event <= cols.sessionId || idEnd >= end) return fieldAt(text, start, end, cols.event) === '-';
  const at = skipFields(text, idEnd + 1, end, cols.event - cols.sessionId - 1);
  if (at === QUOTED) return fieldAt(text, start, end, cols.event) === '-';
  if (at < 0 || text.charCodeAt(at) !== 45) return false;
  return at + 1 === end || text.charCodeAt(at + 1) === 44;
}

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

/** The first ",-" starting in text[from, end - 1), or -1; remembered like commaIn's comma. */
let markText = '';
let markFrom = 0;
let markAt = -1;
function markIn(text: string, from: number, end: number): number {
  if (text !== markText || from < markFrom || from > markAt) {
    markText = text;
    markFrom = from;
    const at = text.indexOf(',-', from);
    markAt = at < 0 ? text.length : at;
  }
  return markAt < end - 1 ? markAt : -1;
}

/** Drops the remembered positions and the text they point into (which would otherwise stay alive after a parse). */
export function forgetText(): void {
  seenText = quoteText = markText = '';
  seenFrom = quoteFrom = markFrom = 0;
  seenAt = quoteAt = markAt = -1;
}
