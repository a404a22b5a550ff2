import type { RawRecord, RawValue } from '../record';
import { splitLines } from '../../smtp/text';

const DASHES = /^\s*-+(\s+-+)*\s*$/;

/**
 * `… | Format-Table` text: a header line, a line of dashes whose runs give the column positions, then rows.
 * Several tables in one paste (one per cmdlet) are each read with their own columns.
 */
export function parseFormatTable(text: string): RawRecord[] {
  const lines = splitLines(text);
  const records: RawRecord[] = [];
  let columns: Array<{ name: string; start: number }> | undefined;
  let truncated = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1] ?? '';
    if (line.trim() !== '' && DASHES.test(next) && next.trim() !== '') {
      columns = [...next.matchAll(/-+/g)].map((m) => ({
        // Headers sit over their dashes, left-aligned (text) or right-aligned (numbers), same width.
        name: line.slice(m.index, m.index + m[0].length).trim().toLowerCase(),
        start: m.index,
      }));
      i++;
      continue;
    }
    if (!columns || line.trim() === '') continue;
    const props = new Map<string, RawValue>();
    columns.forEach((col, c) => {
      const end = columns?.[c + 1]?.start ?? line.length;
      const value = line.slice(col.start, c + 1 < (columns?.length ?? 0) ? end : undefined).trim();
      if (/\.\.\.\}?$/.test(value)) truncated = true;
      props.set(col.name, value);
    });
    records.push({ props, position: i + 1, ...(truncated ? { truncated } : {}) });
    truncated = false;
  }
  return records;
}

export function looksLikeFormatTable(text: string): boolean {
  const lines = splitLines(text).slice(0, 40);
  return lines.some((l, i) => i > 0 && l.trim() !== '' && DASHES.test(l) && (lines[i - 1] ?? '').trim() !== '');
}
