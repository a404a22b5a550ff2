import type { RawRecord, RawValue } from '../record';

/** `… | ConvertTo-Json`: one object or an array of them. Keys are matched case-insensitively. */
export function parseJson(text: string): RawRecord[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  const list = Array.isArray(data) ? data : [data];
  const out: RawRecord[] = [];
  list.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return;
    const props = new Map<string, RawValue>();
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) props.set(k.toLowerCase(), v as RawValue);
    out.push({ props, position: i });
  });
  return out;
}

export function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text.replace(/^\uFEFF/, ''));
}
