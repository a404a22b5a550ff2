import { hasMagic, u16, u32, u64n } from './bytes';
import { crc32 } from './crc32';

/** The 4 KiB .evtx file header (libevtx documentation, "File header"); only its first 128 bytes are used. */
export interface EvtxFileHeader {
  readonly firstChunk: number;
  readonly lastChunk: number;
  readonly nextRecordId: number;
  readonly minorVersion: number;
  readonly majorVersion: number;
  readonly headerBlockSize: number;
  readonly chunkCount: number;
  /** 0x1 dirty (not closed cleanly), 0x2 full. */
  readonly flags: number;
  readonly checksum: number;
  /** CRC-32 of the first 120 bytes equals `checksum`. */
  readonly checksumValid: boolean;
}

export const FILE_MAGIC = 'ElfFile\0';
export const FILE_HEADER_SIZE = 4096;

/** Reads the file header, or null when the bytes do not start with "ElfFile\0". */
export function readFileHeader(bytes: Uint8Array): EvtxFileHeader | null {
  if (bytes.length < 128 || !hasMagic(bytes, 0, FILE_MAGIC)) return null;
  const checksum = u32(bytes, 124);
  return {
    firstChunk: u64n(bytes, 8),
    lastChunk: u64n(bytes, 16),
    nextRecordId: u64n(bytes, 24),
    minorVersion: u16(bytes, 36),
    majorVersion: u16(bytes, 38),
    headerBlockSize: u16(bytes, 40),
    chunkCount: u16(bytes, 42),
    flags: u32(bytes, 120),
    checksum,
    checksumValid: crc32(bytes, 0, 120) === checksum,
  };
}
