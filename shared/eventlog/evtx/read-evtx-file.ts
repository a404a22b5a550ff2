import { err, type Result } from '../../result';
import type { InputError } from '../../model/input';
import { readEvtxChunks, type EvtxStreamOptions } from './read-evtx';
import { readFileHeader } from './file-header';
import { EvtxTally, type EvtxReadResult, type EvtxTallyOptions } from './evtx-tally';

export type { EvtxReadResult } from './evtx-tally';

export interface EvtxReadOptions extends EvtxTallyOptions, EvtxStreamOptions {
  /** Called after every chunk (progress in bytes and records for a worker's progress bar). */
  readonly onChunk?: (progress: { bytesDone: number; totalBytes: number; records: number }) => void;
}

/**
 * Reads a whole .evtx file held in memory through the chunk reader. The file is rejected only when it is not
 * an .evtx at all or when no chunk could be read (findings.md: input.damaged); everything else is skipped
 * and reported. A large file on disk is better streamed (read-evtx-pieces.ts): same result, bounded memory.
 */
export function readEvtxFile(bytes: Uint8Array, options: EvtxReadOptions): Result<EvtxReadResult, InputError> {
  const header = readFileHeader(bytes);
  if (!header) return err({ code: 'input.damaged' });
  const tally = new EvtxTally(options, header);
  for (const step of readEvtxChunks(bytes, header, options)) {
    const goOn = tally.add(step);
    options.onChunk?.({ bytesDone: step.bytesDone, totalBytes: bytes.length, records: tally.read });
    if (!goOn) break;
  }
  return tally.result();
}
