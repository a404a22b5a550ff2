/**
 * The zip central directory (APPNOTE.TXT §4.3.12–4.3.16), read by hand rather than through fflate's unzip:
 * we need the external attributes (to refuse links), the declared sizes (to refuse bombs before inflating)
 * and the raw names (to refuse traversal) before a single byte is decompressed.
 */
export interface CentralEntry {
  readonly rawName: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  /** Unix S_IFLNK in the high half (made by Unix) or FILE_ATTRIBUTE_REPARSE_POINT (made by DOS/NTFS). */
  readonly isLink: boolean;
}

export type DirectoryError = 'damaged' | 'zip64';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfDirectory(bytes: Uint8Array, dv: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, so it sits within the last 65557 bytes.
  const stop = Math.max(0, bytes.length - 65557);
  for (let i = bytes.length - 22; i >= stop; i--) if (dv.getUint32(i, true) === EOCD) return i;
  return -1;
}

function decodeName(raw: Uint8Array, utf8: boolean): string {
  // Without the UTF-8 flag (bit 11) names are CP437; outside ASCII we only need them to be unambiguous.
  return utf8 ? new TextDecoder('utf-8').decode(raw) : String.fromCharCode(...raw);
}

/** Reads the central directory; any inconsistency in it makes the whole archive damaged. */
export function readCentralDirectory(bytes: Uint8Array): { entries: CentralEntry[]; directoryOffset: number } | { error: DirectoryError } {
  if (bytes.length < 22) return { error: 'damaged' };
  const dv = view(bytes);
  const end = findEndOfDirectory(bytes, dv);
  if (end < 0) return { error: 'damaged' };
  const count = dv.getUint16(end + 10, true);
  const size = dv.getUint32(end + 12, true);
  const offset = dv.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return { error: 'zip64' };
  if (offset + size > end) return { error: 'damaged' };
  const entries: CentralEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || dv.getUint32(p, true) !== CENTRAL) return { error: 'damaged' };
    const madeBy = dv.getUint8(p + 5);
    const flags = dv.getUint16(p + 8, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const external = dv.getUint32(p + 38, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const uncompressed = dv.getUint32(p + 24, true);
    const localOffset = dv.getUint32(p + 42, true);
    if (compressedSize === 0xffffffff || uncompressed === 0xffffffff || localOffset === 0xffffffff) return { error: 'zip64' };
    if (p + 46 + nameLen > end) return { error: 'damaged' };
    const unixMode = external >>> 16;
    entries.push({
      rawName: decodeName(bytes.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0),
      method: dv.getUint16(p + 10, true),
      encrypted: (flags & 1) !== 0,
      compressedSize,
      size: uncompressed,
      localOffset,
      isLink: (madeBy === 3 && (unixMode & 0o170000) === 0o120000) || (madeBy === 0 && (external & 0x400) !== 0),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, directoryOffset: offset };
}

/** Where an entry's compressed data starts, from its local header (whose name/extra lengths may differ). */
export function dataOffset(bytes: Uint8Array, entry: CentralEntry): number | null {
  const dv = view(bytes);
  const p = entry.localOffset;
  if (p + 30 > bytes.length || dv.getUint32(p, true) !== LOCAL) return null;
  const start = p + 30 + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true);
  return start + entry.compressedSize <= bytes.length ? start : null;
}
