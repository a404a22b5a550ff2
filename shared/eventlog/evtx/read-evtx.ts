import type { InputWarning } from '../../model/input';
import type { EventRecord } from '../types';
import { CHUNK_SIZE, checkChunk } from './chunk-header';
import { readChunkRecords } from './chunk-records';
import { FILE_HEADER_SIZE, readFileHeader, type EvtxFileHeader } from './file-header';

/** What one step of the streaming reader gives: one chunk's records and what was wrong with it. */
export interface EvtxChunkResult {
  readonly chunk: number;
  /** Bytes of the file consumed so far (for progress). */
  readonly bytesDone: number;
  readonly records: readonly EventRecord[];
  /** With `keepProvider`: the positions, among the records read, of those read but not kept (chunk-records.ts). */
  readonly notKept?: readonly number[];
  readonly damaged: number;
  readonly warnings: readonly InputWarning[];
}

export interface EvtxStreamOptions {
  readonly maxDepth: number;
  /** Records of other providers are read and checked but not built: only counted (a Security log's millions). */
  readonly keepProvider?: (provider: string) => boolean;
}

/**
 * Reads one 64 KiB chunk on its own: chunks share nothing (names and templates are chunk offsets), so a
 * caller may read them from disk one at a time or hand them to several workers. `chunkCount` is the file
 * header's count: unrecognisable space beyond it is unused, not damage (sysmon-style files).
 */
export function readEvtxChunk(chunk: Uint8Array, index: number, chunkCount: number, options: EvtxStreamOptions): Omit<EvtxChunkResult, 'bytesDone'> {
  const check = checkChunk(chunk);
  if (!check.ok) {
    const unused = check.problem === 'empty' || (check.problem === 'badMagic' && index >= chunkCount);
    return {
      chunk: index,
      records: [],
      damaged: unused ? 0 : 1,
      warnings: unused ? [] : [{ code: `eventlog.evtx.chunk.${check.problem}`, params: { chunk: index } }],
    };
  }
  const read = readChunkRecords(chunk, index, check.header, options.maxDepth, options.keepProvider);
  const note: InputWarning[] =
    check.recordsChecksum === 'valid' ? [] : [{ code: `eventlog.evtx.chunk.recordsChecksum.${check.recordsChecksum}`, params: { chunk: index } }];
  return { chunk: index, records: read.records, notKept: read.notKept, damaged: read.damaged, warnings: [...note, ...read.warnings] };
}

/** Where the chunks begin: after the header block the header declares (4 KiB in every known file). */
export function firstChunkOffset(header: EvtxFileHeader, fileSize: number): number {
  return header.headerBlockSize >= 128 && header.headerBlockSize <= fileSize ? header.headerBlockSize : FILE_HEADER_SIZE;
}

/**
 * Reads an .evtx file chunk by chunk. Every 64 KiB chunk present in the file is read (the header's chunk
 * count is not trusted: dirty logs have more), its header and record checksums are verified, and a chunk
 * that fails is reported and skipped; parsing goes on with the next chunk. A generator, so a worker can
 * report progress and stop between chunks.
 */
export function* readEvtxChunks(bytes: Uint8Array, header: EvtxFileHeader, options: EvtxStreamOptions): Generator<EvtxChunkResult> {
  for (let index = 0, offset = firstChunkOffset(header, bytes.length); offset < bytes.length; index++, offset += CHUNK_SIZE) {
    const bytesDone = Math.min(offset + CHUNK_SIZE, bytes.length);
    if (offset + CHUNK_SIZE > bytes.length) {
      yield { chunk: index, bytesDone, records: [], damaged: 1, warnings: [{ code: 'eventlog.evtx.chunkTruncated', params: { chunk: index } }] };
      return;
    }
    yield { ...readEvtxChunk(bytes.subarray(offset, offset + CHUNK_SIZE), index, header.chunkCount, options), bytesDone };
  }
}

export { readFileHeader };
