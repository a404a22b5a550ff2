import { err, ok, type Result } from '../../result';
import type { InputError, InputWarning } from '../../model/input';
import type { EventRecord } from '../types';
import { readEvtxChunks, type EvtxChunkResult } from './read-evtx';
import { readFileHeader } from './file-header';

export interface EvtxReadOptions {
  readonly maxDepth: number;
  readonly maxRecords: number;
  readonly signal?: AbortSignal;
  /** Which records to keep; the others are counted in `otherRecords` and dropped at once. Default: all. */
  readonly keep?: (record: EventRecord) => boolean;
  /** Called after every chunk (progress in bytes and records for a worker's progress bar). */
  readonly onChunk?: (progress: { bytesDone: number; totalBytes: number; records: number }) => void;
}

export interface EvtxReadResult {
  readonly records: EventRecord[];
  /** Records read but not kept (see `keep`). */
  readonly otherRecords: number;
  readonly damaged: number;
  readonly warnings: InputWarning[];
}

/** Detailed warnings kept per file; the rest are summarised, so a wrecked log cannot flood a report. */
const MAX_WARNINGS = 25;

/**
 * Reads a whole .evtx file through the streaming chunk reader. The file is rejected only when it is not
 * an .evtx at all or when no chunk could be read (findings.md: input.damaged); everything else is skipped
 * and reported.
 */
export function readEvtxFile(bytes: Uint8Array, options: EvtxReadOptions): Result<EvtxReadResult, InputError> {
  const header = readFileHeader(bytes);
  if (!header) return err({ code: 'input.damaged' });
  const records: EventRecord[] = [];
  const warnings: InputWarning[] = [];
  let damaged = 0;
  let otherRecords = 0;
  let extraWarnings = 0;
  let chunksRead = 0;
  const note = (w: InputWarning) => (warnings.length < MAX_WARNINGS ? warnings.push(w) : extraWarnings++);
  if (!header.checksumValid && header.checksum !== 0) note({ code: 'eventlog.evtx.headerChecksum' });
  let step: EvtxChunkResult;
  for (step of readEvtxChunks(bytes, header, { maxDepth: options.maxDepth })) {
    if (step.records.length > 0 || step.damaged === 0) chunksRead++;
    damaged += step.damaged;
    step.warnings.forEach(note);
    for (const r of step.records) {
      if (records.length + otherRecords >= options.maxRecords) break;
      if (!options.keep || options.keep(r)) records.push(r);
      else otherRecords++;
    }
    options.onChunk?.({ bytesDone: step.bytesDone, totalBytes: bytes.length, records: records.length + otherRecords });
    if (records.length + otherRecords >= options.maxRecords) {
      note({ code: 'eventlog.tooManyRecords', params: { limit: options.maxRecords } });
      break;
    }
    if (options.signal?.aborted) {
      note({ code: 'eventlog.cancelled', params: { records: records.length + otherRecords } });
      break;
    }
  }
  if (records.length + otherRecords === 0 && damaged > 0 && chunksRead === 0) return err({ code: 'input.damaged' });
  if (extraWarnings > 0) warnings.push({ code: 'eventlog.moreWarnings', params: { count: extraWarnings } });
  return ok({ records, otherRecords, damaged, warnings });
}
