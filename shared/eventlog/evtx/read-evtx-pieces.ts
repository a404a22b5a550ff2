import type { ByteSource } from '../../model/input';
import { CHUNK_SIZE } from './chunk-header';
import { firstChunkOffset, readEvtxChunk, type EvtxChunkResult, type EvtxStreamOptions } from './read-evtx';
import type { EvtxFileHeader } from './file-header';

/** Chunks [from, to) of a file: one share of it when several threads read one large log. */
export interface ChunkRange {
  readonly from: number;
  readonly to: number;
}

/** How many 64 KiB chunk slots a file of `size` bytes has (a last partial one counts: it is reported as truncated). */
export function chunkSlots(header: EvtxFileHeader, size: number): number {
  const first = firstChunkOffset(header, size);
  return size > first ? Math.ceil((size - first) / CHUNK_SIZE) : 0;
}

/**
 * Reads an .evtx given as pieces (a file streamed from disk or from a Blob), one 64 KiB chunk at a time: memory
 * holds one chunk, never the file. Each chunk is handed to `onChunk` exactly as readEvtxChunks gives it for the
 * same bytes in memory (a file that ends inside a chunk ends with a chunkTruncated step); `onChunk` returns
 * false to stop reading. With `range`, only those chunks are parsed and the pieces before them are passed over.
 */
export function readEvtxPieces(
  pieces: ByteSource,
  header: EvtxFileHeader,
  size: number,
  chunkOptions: EvtxStreamOptions,
  onChunk: (step: EvtxChunkResult) => boolean,
  range: ChunkRange = { from: 0, to: Number.POSITIVE_INFINITY },
): void {
  const start = firstChunkOffset(header, size) + range.from * CHUNK_SIZE;
  const buffer = new Uint8Array(CHUNK_SIZE);
  let index = range.from;
  let filled = 0;
  let at = 0;
  let stopped = index >= range.to;
  const step = (chunk: Uint8Array): void => {
    const bytesDone = start + (index - range.from + 1) * CHUNK_SIZE;
    stopped = !onChunk({ ...readEvtxChunk(chunk, index, header.chunkCount, chunkOptions), bytesDone }) || ++index >= range.to;
  };
  if (!stopped) {
    pieces((piece) => {
      let p = Math.max(0, Math.min(piece.length, start - at));
      at += piece.length;
      while (p < piece.length && !stopped) {
        const take = Math.min(CHUNK_SIZE - filled, piece.length - p);
        if (filled === 0 && take === CHUNK_SIZE) step(piece.subarray(p, p + CHUNK_SIZE));
        else {
          buffer.set(piece.subarray(p, p + take), filled);
          filled += take;
          if (filled === CHUNK_SIZE) {
            filled = 0;
            step(buffer);
          }
        }
        p += take;
      }
      return !stopped;
    });
  }
  // The bytes ended inside a chunk: reported as readEvtxChunks reports it.
  if (!stopped && filled > 0) {
    onChunk({ chunk: index, bytesDone: start + (index - range.from) * CHUNK_SIZE + filled, records: [], damaged: 1, warnings: [{ code: 'eventlog.evtx.chunkTruncated', params: { chunk: index } }] });
  }
}
