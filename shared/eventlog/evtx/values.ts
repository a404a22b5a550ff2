import type { EventNode } from '../types';
import { HEX, hexUpper, u16, u32, utf16 } from './bytes';
import { filetimeToIso, systemtimeToIso } from './time-format';

/**
 * Decoders for BinXML substitution value types (libevtx documentation, "Value types"; the numbers are
 * EVT_VARIANT_TYPE). Each renders the value as Event Viewer shows it. Type 0x80 | t is an array
 * of t. BinXML (0x21) is handed back to the caller's fragment parser, because names and templates inside it
 * are chunk offsets.
 */
export type NestedParser = (start: number, end: number) => readonly EventNode[];

type Decoder = (b: Uint8Array, o: number, size: number) => string;

/** Value type 0x21: a BinXML fragment, parsed as elements rather than rendered as text. */
export const NESTED_BINXML = 0x21;

const i64 = (b: Uint8Array, o: number, signed: boolean): string => {
  const lo = u32(b, o);
  const hi = u32(b, o + 4);
  if (hi === 0) return String(lo);
  if (signed && hi & 0x8000_0000) return (-((BigInt(hi ^ 0xffff_ffff) << 32n) + BigInt(lo ^ 0xffff_ffff) + 1n)).toString();
  return ((BigInt(hi) << 32n) + BigInt(lo)).toString();
};

const hex64 = (b: Uint8Array, o: number): string => {
  const hi = u32(b, o + 4);
  const lo = u32(b, o);
  return hi === 0 ? `0x${lo.toString(16)}` : `0x${hi.toString(16)}${lo.toString(16).padStart(8, '0')}`;
};

const guid = (b: Uint8Array, o: number): string => {
  const h = (i: number): string => HEX[b[o + i] as number] as string;
  return `{${h(3)}${h(2)}${h(1)}${h(0)}-${h(5)}${h(4)}-${h(7)}${h(6)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}}`;
};

/** S-R-A-S1-S2…; an incomplete SID (sub-authority count beyond the data) keeps the sub-authorities present. */
const sid = (b: Uint8Array, o: number, size: number): string => {
  if (size < 8) return hexUpper(b, o, o + size);
  const count = b[o + 1] as number;
  let authority = 0;
  for (let i = 2; i < 8; i++) authority = authority * 256 + (b[o + i] as number);
  let s = `S-${b[o] as number}-${authority}`;
  for (let i = 0; i < count && 8 + i * 4 + 4 <= size; i++) s += `-${u32(b, o + 8 + i * 4)}`;
  return s;
};

const ansi = (b: Uint8Array, o: number, size: number): string => {
  let s = '';
  for (let i = 0; i < size; i++) {
    const c = b[o + i] as number;
    if (c === 0) break;
    s += String.fromCharCode(c);
  }
  return s;
};

const string16 = (b: Uint8Array, o: number, size: number): string => {
  let n = size >> 1;
  while (n > 0 && u16(b, o + (n - 1) * 2) === 0) n--;
  return utf16(b, o, n);
};

const view = (b: Uint8Array, o: number, size: number): DataView => new DataView(b.buffer, b.byteOffset + o, size);

/** Registries keyed by type byte, stored as arrays: looked up once per substitution value. */
function toTable<T>(entries: Record<number, T>): Array<T | undefined> {
  const table = new Array<T | undefined>(128).fill(undefined);
  for (const [k, v] of Object.entries(entries)) table[Number(k)] = v;
  return table;
}

/** Fixed element sizes, used to split arrays; absent = variable. */
const SIZES: ReadonlyArray<number | undefined> = toTable({ 3: 1, 4: 1, 5: 2, 6: 2, 7: 4, 8: 4, 9: 8, 10: 8, 11: 4, 12: 8, 13: 4, 15: 16, 17: 8, 18: 16, 20: 4, 21: 8 });

const DECODERS: ReadonlyArray<Decoder | undefined> = toTable<Decoder>({
  0x01: string16,
  0x02: ansi,
  0x03: (b, o) => String(((b[o] as number) << 24) >> 24),
  0x04: (b, o) => String(b[o] as number),
  0x05: (b, o) => String((u16(b, o) << 16) >> 16),
  0x06: (b, o) => String(u16(b, o)),
  0x07: (b, o) => String(u32(b, o) | 0),
  0x08: (b, o) => String(u32(b, o)),
  0x09: (b, o) => i64(b, o, true),
  0x0a: (b, o) => i64(b, o, false),
  0x0b: (b, o) => String(view(b, o, 4).getFloat32(0, true)),
  0x0c: (b, o) => String(view(b, o, 8).getFloat64(0, true)),
  0x0d: (b, o, size) => (size >= 4 ? u32(b, o) : (b[o] ?? 0)) !== 0 ? 'true' : 'false',
  0x0e: (b, o, size) => hexUpper(b, o, o + size),
  0x0f: guid,
  0x10: (b, o, size) => (size === 8 ? `0x${u32(b, o + 4).toString(16).padStart(8, '0')}${u32(b, o).toString(16).padStart(8, '0')}` : `0x${u32(b, o).toString(16).padStart(8, '0')}`),
  0x11: (b, o) => filetimeToIso(u32(b, o), u32(b, o + 4)),
  0x12: (b, o) => systemtimeToIso(Array.from({ length: 8 }, (_, i) => u16(b, o + i * 2))),
  0x13: sid,
  0x14: (b, o) => `0x${u32(b, o).toString(16)}`,
  0x15: hex64,
  0x20: (b, o, size) => hexUpper(b, o, o + size),
  0x23: string16,
});

function decodeArray(type: number, b: Uint8Array, o: number, size: number): string {
  if (type === 0x01) return string16(b, o, size).replace(/\0+$/, '').split('\0').join(', ');
  if (type === 0x02) return ansi(b, o, size);
  const each = SIZES[type] ?? 0;
  const decode = DECODERS[type];
  if (!decode || each === 0) return hexUpper(b, o, o + size);
  const parts: string[] = [];
  for (let p = o; p + each <= o + size; p += each) parts.push(decode(b, p, each));
  return parts.join(', ');
}

/** Decodes one substitution value; unknown types come out as hex rather than failing the record. */
export function decodeValue(type: number, b: Uint8Array, o: number, size: number, nested: NestedParser): string | readonly EventNode[] | null {
  if (type === 0x00 || size === 0) return null;
  if (type === NESTED_BINXML) return nested(o, o + size);
  if (type & 0x80) return decodeArray(type & 0x7f, b, o, size);
  const fixed = SIZES[type];
  if (fixed !== undefined && size < fixed) return hexUpper(b, o, o + size);
  const decode = DECODERS[type];
  return decode ? decode(b, o, size) : hexUpper(b, o, o + size);
}
