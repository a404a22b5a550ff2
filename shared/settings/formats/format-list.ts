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
  let truncated = false;
  const flush = () => {
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
      if (props.size === 0) start = i + 1;
      lastKey = m[1].toLowerCase();
      const value = (m[2] ?? '').trim();
      if (/\.\.\.\}?$/.test(value)) truncated = true;
      props.set(lastKey, value);
    } else if (lastKey && /^\s+\S/.test(line)) {
      const joined = `${String(props.get(lastKey) ?? '')} ${line.trim()}`.trim();
      if (/\.\.\.\}?$/.test(joined)) truncated = true;
      props.set(lastKey, joined);
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
