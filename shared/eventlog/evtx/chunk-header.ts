import { hasMagic, u32, u64n } from './bytes';
import { crc32 } from './crc32';

/** A 64 KiB chunk's 512-byte header (libevtx documentation, "Chunk header"). */
export interface ChunkHeader {
  readonly firstRecordNumber: number;
  readonly lastRecordNumber: number;
  readonly firstRecordId: number;
  readonly lastRecordId: number;
  readonly lastRecordOffset: number;
  /** Where the free space begins: records occupy [512, freeSpaceOffset). */
  readonly freeSpaceOffset: number;
  readonly recordsChecksum: number;
  readonly headerChecksum: number;
  /** 0x1 dirty, 0x4 no CRC-32 written. */
  readonly flags: number;
}

export const CHUNK_MAGIC = 'ElfChnk\0';
export const CHUNK_SIZE = 0x10000;
export const CHUNK_HEADER_SIZE = 512;
/** Chunk flag: the writer did not compute checksums. */
const NO_CRC32 = 0x4;

export type ChunkProblem = 'empty' | 'badMagic' | 'headerChecksum' | 'badFreeSpace';

export type ChunkCheck =
  | {
      readonly ok: true;
      readonly header: ChunkHeader;
      /** The records' CRC-32 does not match (or none was written): records are then checked one by one. */
      readonly recordsChecksum: 'valid' | 'mismatch' | 'absent';
    }
  | { readonly ok: false; readonly problem: ChunkProblem };

function isAllZero(chunk: Uint8Array, end: number): boolean {
  for (let i = 0; i < end; i++) if (chunk[i] !== 0) return false;
  return true;
}

/**
 * Reads and verifies a chunk header: the magic and the header CRC-32 (bytes 0–120 and 128–512). A header
 * that fails is not trusted at all (its offsets lead nowhere safe), so the chunk is skipped. The records'
 * CRC-32 (512 up to the free-space offset) is checked too, but a mismatch only downgrades the chunk: a dirty
 * log's last chunk routinely carries a stale one, and each record still has its own size fields to check.
 * A never-used chunk (all zeros) is "empty", not damaged: Windows preallocates them; a zeroed header over
 * remaining record data is damage. Chunks flagged
 * NO_CRC32 (0x4) carry no checksums: that is reported, not fatal.
 */
export function checkChunk(chunk: Uint8Array): ChunkCheck {
  if (!hasMagic(chunk, 0, CHUNK_MAGIC)) return { ok: false, problem: isAllZero(chunk, chunk.length) ? 'empty' : 'badMagic' };
  const header: ChunkHeader = {
    firstRecordNumber: u64n(chunk, 8),
    lastRecordNumber: u64n(chunk, 16),
    firstRecordId: u64n(chunk, 24),
    lastRecordId: u64n(chunk, 32),
    lastRecordOffset: u32(chunk, 44),
    freeSpaceOffset: u32(chunk, 48),
    recordsChecksum: u32(chunk, 52),
    headerChecksum: u32(chunk, 124),
    flags: u32(chunk, 120),
  };
  const absent = (header.flags & NO_CRC32) !== 0;
  if (!absent && crc32(chunk, 128, CHUNK_HEADER_SIZE, crc32(chunk, 0, 120)) !== header.headerChecksum) return { ok: false, problem: 'headerChecksum' };
  if (header.freeSpaceOffset < CHUNK_HEADER_SIZE || header.freeSpaceOffset > chunk.length) return { ok: false, problem: 'badFreeSpace' };
  if (absent) return { ok: true, header, recordsChecksum: 'absent' };
  const valid = crc32(chunk, CHUNK_HEADER_SIZE, header.freeSpaceOffset) === header.recordsChecksum;
  return { ok: true, header, recordsChecksum: valid ? 'valid' : 'mismatch' };
}
