import type { RawRecord, RawValue } from '../record';
import { splitLines } from '../../smtp/text';

const KEY_LINE = /^([A-Za-z][A-Za-z0-9_.-]*)\s*:(?:[ \t](.*))?$/;

/**
 * `… | Format-List` text: `Name : value` lines, objects separated by blank lines. PowerShell wraps long
 * values onto indented continuation lines (the space at the break is dropped, so one is put back).
 */
export function parseFormatList(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  let props = new Map<string, RawValue>();
  let start = 0;
  let lastKey: string | undefined;
  // The pieces of lastKey's value, joined once when the key ends: re-joining (and re-testing) the whole value
  // on every continuation line made a value wrapped over n lines cost O(n²).
  let parts: string[] = [];
  let truncated = false;
  const endValue = () => {
    if (lastKey !== undefined && parts.length > 1) props.set(lastKey, parts.filter((p) => p !== '').join(' '));
    parts = [];
  };
  const flush = () => {
    endValue();
    if (props.size > 0) records.push({ props, position: start, ...(truncated ? { truncated } : {}) });
    props = new Map();
    lastKey = undefined;
    truncated = false;
  };
  splitLines(text).forEach((line, i) => {
    if (line.trim() === '') {
      flush();
      return;
    }
    const m = KEY_LINE.exec(line);
    if (m?.[1]) {
      endValue();
      if (props.size === 0) start = i + 1;
      lastKey = m[1].toLowerCase();
      const value = (m[2] ?? '').trim();
      if (/\.\.\.\}?$/.test(value)) truncated = true;
      props.set(lastKey, value);
      parts = [value];
    } else if (lastKey && /^\s+\S/.test(line)) {
      // The piece is non-empty and follows a space, so the joined value ends in `...` only if the piece does.
      const piece = line.trim();
      if (/\.\.\.\}?$/.test(piece)) truncated = true;
      parts.push(piece);
    }
  });
  flush();
  return records;
}

/** Format-List output: most lines are `Key : value` with the colons aligned. */
export function looksLikeFormatList(text: string): boolean {
  const lines = splitLines(text).filter((l) => l.trim() !== '').slice(0, 40);
  if (lines.length < 2) return false;
  const keyed = lines.filter((l) => /^[A-Za-z][A-Za-z0-9_.-]*\s+:(\s|$)/.test(l));
  return keyed.length >= 2 && keyed.length >= lines.length * 0.5;
}
