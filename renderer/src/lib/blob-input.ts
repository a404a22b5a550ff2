import type { ByteSource, DeferredInput } from '../../../shared/model/input';
import type { AnalysisInput } from './analysis-protocol';

/**
 * How much one synchronous read takes from the Blob. Each read is a round trip to the browser process, so fewer,
 * larger reads are cheaper: reading a 10 MB log twice took 65 ms in 1 MB reads, 41 ms in 4 MB reads and 28 ms
 * whole (a FileReaderSync probe in Chromium 156).
 */
const READ = 4 * 1024 * 1024;
/**
 * The pieces the engine is handed, which the text readers decode one TextDecoder call each. Chromium's
 * TextDecoder is cheap per byte but not per call: each decoded string is a new allocation outside V8's heap,
 * handed back to the kernel when it is freed (madvise, then page faults on the next), and workers decoding
 * side by side slow each other down (a probe: 8 KB pieces 15-20x slower in two workers than in one).
 * 256 KB pieces make a quarter of the calls of 64 KB ones: on the 1 GB folder the reader workers' system time
 * fell by half and all of the app's CPU seconds by a seventh. From 1 MB each string is a mapping of its own,
 * which is slower again.
 */
const PIECE = 256 * 1024;

/**
 * Files up to this size are read in one go and kept for the engine's next pass over the same file (the Exchange
 * reader reads a log twice, sniffing reads its head first): Exchange writes 10 MB logs, so a folder of them is
 * read once per file instead of three times.
 */
export const READ_WHOLE_BYTES = 16 * 1024 * 1024;

/** The file last read whole, by its reader: one slot, so a thread holds at most one such file's bytes. */
let lastWhole: { read: RangeReader; bytes: Uint8Array } | undefined;

/** Reads bytes [start, end) of one file synchronously. */
export type RangeReader = (start: number, end: number) => ArrayBuffer;

/** A deferred input that is a Blob: the Blob itself can cross to a reader worker as a handle. */
export interface BlobInput extends DeferredInput {
  readonly blob: Blob;
}

/**
 * A dropped or pasted file as the engine takes it: loaded only when its turn comes. Where the thread may
 * block (a dedicated worker has FileReaderSync), a large file can also be read in pieces, which is how the
 * engine streams a gigabyte protocol log with bounded memory.
 */
export function deferredBlob(name: string, blob: Blob, syncReader?: (blob: Blob) => RangeReader): BlobInput {
  return {
    name,
    blob,
    size: blob.size,
    load: async () => new Uint8Array(await blob.arrayBuffer()),
    ...(syncReader ? { pieces: rangePieces(blob.size, syncReader(blob)) } : {}),
  };
}

/** One file of an analysis as the engine takes it: its Blob deferred, with the password typed for it if any. */
export function analysisBlob(input: AnalysisInput, syncReader?: (blob: Blob) => RangeReader): BlobInput {
  const blob = deferredBlob(input.name, input.blob, syncReader);
  return input.password !== undefined ? { ...blob, password: input.password } : blob;
}

/**
 * A file of `size` bytes as a ByteSource, visited a piece at a time: read whole once when small (and kept until
 * another file is read whole), else 4 MB at a time on every pass.
 */
export function rangePieces(size: number, read: RangeReader): ByteSource {
  return (visit) => {
    if (size <= READ_WHOLE_BYTES) {
      if (lastWhole?.read !== read) lastWhole = { read, bytes: new Uint8Array(read(0, size)) };
      visitPieces(lastWhole.bytes, visit);
      return;
    }
    for (let start = 0; start < size; start += READ) {
      if (!visitPieces(new Uint8Array(read(start, Math.min(size, start + READ))), visit)) return;
    }
  };
}

/** Hands `bytes` on in pieces of PIECE bytes; false when the consumer asked to stop. */
export function visitPieces(bytes: Uint8Array, visit: (piece: Uint8Array) => boolean | void): boolean {
  for (let at = 0; at < bytes.length; at += PIECE) if (visit(bytes.subarray(at, at + PIECE)) === false) return false;
  return true;
}

/** The bytes of files given as Blobs, without reading them. */
export function blobBytes(items: readonly { readonly blob: Blob }[]): number {
  return items.reduce((sum, item) => sum + item.blob.size, 0);
}

/** Synchronous reads through FileReaderSync where it exists (dedicated workers); undefined elsewhere. */
export function fileReaderSync(): ((blob: Blob) => RangeReader) | undefined {
  const Reader = (globalThis as { FileReaderSync?: new () => { readAsArrayBuffer(blob: Blob): ArrayBuffer } }).FileReaderSync;
  if (!Reader) return undefined;
  const reader = new Reader();
  return (blob) => (start, end) => reader.readAsArrayBuffer(blob.slice(start, end));
}
