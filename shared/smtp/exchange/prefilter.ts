import { splitCsvLine } from '../csv';
import { ownCopy } from '../text';
import type { ExchangeColumns } from './fields';

/**
 * Patterns that can make a session relevant (see relevance.ts): Exchange Online host names, 4xx/5xx
 * replies in either log direction, errors and failures, certificate notes. Finding them is far faster than
 * reading every record.
 */
const TRIGGERS = /outlook\.com|,[<>],"?[45]|rror|ailed|ailure|ertificate/g;

/** Data lines at each end of a file whose sessions are kept when unfinished (they may continue next door). */
export const BOUNDARY_LINES = 5000;

/**
 * Two columns of the line text[start, end) in one walk over it, the line CSV-parsed only when a field on the way
 * is quoted: [first, second], undefined past the line's end. Commas are searched with native `indexOf` in the
 * line cut on its own, so no search runs past the line's end (a char-by-char loop was a tenth of reading a
 * folder of logs; searching the whole text made a long run of comma-free lines quadratic, fuzzer issue 12).
 */
export function twoFieldsAt(text: string, start: number, end: number, first: number, second: number): [string | undefined, string | undefined] {
  const line = text.slice(start, end);
  const last = Math.max(first, second);
  let a: string | undefined;
  let b: string | undefined;
  let from = 0;
  for (let i = 0; i <= last; i++) {
    if (line.charCodeAt(from) === 34) {
      const fields = splitCsvLine(line);
      return [fields[first], fields[second]];
    }
    const comma = line.indexOf(',', from);
    const value = i === first || i === second ? line.slice(from, comma < 0 ? line.length : comma) : undefined;
    if (i === first) a = value;
    if (i === second) b = value;
    if (comma < 0) break;
    from = comma + 1;
  }
  return [a, b];
}

/** The value of column `index` in the line text[start, end) (see twoFieldsAt). */
export function fieldAt(text: string, start: number, end: number, index: number): string | undefined {
  return twoFieldsAt(text, start, end, index, index)[0];
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** Where column `index` of `line` starts, or -1 when the line is shorter or a field on the way is quoted. */
function plainFieldStart(line: string, index: number): number {
  let from = 0;
  for (let i = 0; i < index; i++) {
    if (line.charCodeAt(from) === 34) return -1;
    const comma = line.indexOf(',', from);
    if (comma < 0) return -1;
    from = comma + 1;
  }
  return line.charCodeAt(from) === 34 ? -1 : from;
}

/** Adds the session ids of every line of `text` that contains a trigger. */
export function triggeredSessions(text: string, sessionColumn: number, into: Set<string>): void {
  // One regular expression with alternatives scans the text once; a line is looked at once however many
  // patterns it has.
  const re = new RegExp(TRIGGERS.source, 'g');
  // Triggering lines come in bursts of one session: an id equal to the previous one is recognised in place
  // instead of cutting and hashing a fresh string for the set (it is in the set already). test() rather than
  // exec(): no match array per hit; no pattern holds a line feed, so the hit's last character is on its line.
  let last = '';
  while (re.test(text)) {
    const hit = re.lastIndex - 1;
    const start = text.lastIndexOf('\n', hit) + 1;
    const end = lineEnd(text, hit);
    if (text.charCodeAt(start) !== 35) {
      const line = text.slice(start, end);
      const at = last ? plainFieldStart(line, sessionColumn) : -1;
      const after = at + last.length;
      const same = at >= 0 && after <= line.length && (after === line.length || line.charCodeAt(after) === 44) && line.startsWith(last, at);
      if (!same) {
        const id = fieldAt(line, 0, line.length, sessionColumn);
        if (id && !into.has(id)) into.add(ownCopy(id));
        last = id ?? '';
      }
    }
    re.lastIndex = end;
  }
}

/**
 * Visits the first or last `count` data lines of a text and notes for each session id whether one of them is
 * the session's `marker` line (its connect "+" at the head, its disconnect "-" at the tail); how many data
 * lines it read. A session at the head without its connect began in the previous file; one at the tail without
 * its disconnect goes on in the next: those are the ones kept for joining (complete ones are judged as usual).
 */
export function edgeSessions(text: string, cols: ExchangeColumns, count: number, fromEnd: boolean, into: Map<string, boolean>): number {
  const marker = fromEnd ? '-' : '+';
  let seen = 0;
  let pos = fromEnd ? text.length : 0;
  while (seen < count) {
    let start: number;
    let end: number;
    if (fromEnd) {
      if (pos <= 0) break;
      end = pos;
      start = text.lastIndexOf('\n', pos - 1) + 1;
      pos = start - 1;
    } else {
      if (pos >= text.length) break;
      start = pos;
      end = lineEnd(text, pos);
      pos = end + 1;
    }
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    if (end <= start || text.charCodeAt(start) === 35) continue;
    const [id, event] = twoFieldsAt(text, start, end, cols.sessionId, cols.event);
    if (id) {
      const marked = event === marker;
      const before = into.get(id);
      if (before === undefined) into.set(ownCopy(id), marked);
      else if (marked && !before) into.set(id, true);
    }
    seen++;
  }
  return seen;
}

/**
 * How many data lines a text holds, counted as edgeSessions counts them and no further than `max` (enough to
 * know whether newer pieces alone hold the file's last lines). Forward with native indexOf: a backward
 * lastIndexOf walk was a tenth of the whole parse.
 */
export function dataLinesIn(text: string, max: number): number {
  let seen = 0;
  let start = 0;
  while (seen < max && start < text.length) {
    const end = lineEnd(text, start);
    if (end > start && text.charCodeAt(start) !== 35) seen++;
    start = end + 1;
  }
  return seen;
}
