import { resolveColumns, DEFAULT_FIELDS, type ExchangeColumns } from './fields';
import { BOUNDARY_LINES, dataLinesIn, edgeSessions, triggeredSessions } from './prefilter';

import type { TextSource } from '../text';

export function headerColumns(firstText: string): ExchangeColumns | undefined {
  const fields = /^#Fields:\s*(.*)$/m.exec(firstText.slice(0, 16384))?.[1];
  return resolveColumns(fields?.trim() ?? DEFAULT_FIELDS);
}

/**
 * Which sessions to read fully. A first, cheap pass finds the lines that can make a session relevant
 * (one regular expression over the text) and the sessions cut by the ends of the file (begun in the previous
 * file or going on in the next, so that they can be joined); every other line is then skipped after reading
 * only its session id.
 */
export function sessionsToKeep(read: TextSource): { keep: Set<string>; columns: ExchangeColumns | undefined } {
  const keep = new Set<string>();
  let columns: ExchangeColumns | undefined;
  let first = true;
  // Both ends count BOUNDARY_LINES data lines however small the pieces are: the head across the first pieces,
  // the tail across the newest pieces that hold it (kept until newer ones hold enough; an 8 MB piece alone
  // does). Small pieces matter: decoded strings under ~128 KB die young instead of filling the old generation.
  let headLeft = BOUNDARY_LINES;
  const head = new Map<string, boolean>();
  const tail: Array<{ text: string; lines: number }> = [];
  let tailLines = 0;
  read((text, last) => {
    if (first) columns = headerColumns(text);
    if (!columns) return;
    first = false;
    triggeredSessions(text, columns.sessionId, keep);
    if (headLeft > 0) headLeft -= edgeSessions(text, columns, headLeft, false, head);
    const lines = dataLinesIn(text, BOUNDARY_LINES);
    tail.push({ text, lines });
    tailLines += lines;
    while (tail.length > 1 && tailLines - (tail[0]?.lines ?? 0) >= BOUNDARY_LINES) tailLines -= tail.shift()?.lines ?? 0;
    if (last) {
      const end = new Map<string, boolean>();
      let left = BOUNDARY_LINES;
      for (let i = tail.length - 1; i >= 0 && left > 0; i--) left -= edgeSessions(tail[i]?.text ?? '', columns, left, true, end);
      for (const edge of [head, end]) for (const [id, whole] of edge) if (!whole) keep.add(id);
    }
  });
  return { keep, columns };
}
