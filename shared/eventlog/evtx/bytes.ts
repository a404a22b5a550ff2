/** Little-endian readers over a Uint8Array; callers check bounds before reading (one check per structure). */
export function u16(b: Uint8Array, o: number): number {
  return (b[o] as number) | ((b[o + 1] as number) << 8);
}

export function u32(b: Uint8Array, o: number): number {
  return ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16) | ((b[o + 3] as number) << 24)) >>> 0;
}

/** A uint64 as a JS number; exact below 2^53 (record numbers, offsets), approximate above. */
export function u64n(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;
}

const decoder = new TextDecoder('utf-16le');

/**
 * Decodes `count` UTF-16LE code units at `o`. Short strings (element and attribute names, most values) are
 * faster by hand than through TextDecoder's call overhead.
 */
export function utf16(b: Uint8Array, o: number, count: number): string {
  if (count <= 0) return '';
  if (count > 48) return decoder.decode(b.subarray(o, o + count * 2));
  let s = '';
  for (let i = 0; i < count; i++) s += String.fromCharCode(u16(b, o + i * 2));
  return s;
}

/** True when `b[o, o + magic.length)` equals the ASCII `magic`. */
export function hasMagic(b: Uint8Array, o: number, magic: string): boolean {
  if (o + magic.length > b.length) return false;
  for (let i = 0; i < magic.length; i++) if (b[o + i] !== magic.charCodeAt(i)) return false;
  return true;
}

/** Upper-case two-digit hex of every byte value. */
export const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

/** Upper-case hex of a byte range, the way Event Viewer shows binary data. */
export function hexUpper(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += HEX[b[i] as number];
  return s;
}
