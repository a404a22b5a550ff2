import type { ByteSource, DeferredInput } from '../../../shared/model/input';
import type { AnalysisInput } from './analysis-protocol';

/** How much one synchronous read takes from the Blob; handed on in 64 KB pieces (young-generation strings). */
const READ = 1024 * 1024;
const PIECE = 64 * 1024;

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

/** A file of `size` bytes as a ByteSource: read a megabyte at a time, visited 64 KB at a time. */
export function rangePieces(size: number, read: RangeReader): ByteSource {
  return (visit) => {
    for (let start = 0; start < size; start += READ) {
      const bytes = new Uint8Array(read(start, Math.min(size, start + READ)));
      for (let at = 0; at < bytes.length; at += PIECE) if (visit(bytes.subarray(at, at + PIECE)) === false) return;
    }
  };
}

/** Synchronous reads through FileReaderSync where it exists (dedicated workers); undefined elsewhere. */
export function fileReaderSync(): ((blob: Blob) => RangeReader) | undefined {
  const Reader = (globalThis as { FileReaderSync?: new () => { readAsArrayBuffer(blob: Blob): ArrayBuffer } }).FileReaderSync;
  if (!Reader) return undefined;
  const reader = new Reader();
  return (blob) => (start, end) => reader.readAsArrayBuffer(blob.slice(start, end));
}
