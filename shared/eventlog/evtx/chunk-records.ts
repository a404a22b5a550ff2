import type { InputWarning } from '../../model/input';
import type { EventRecord } from '../types';
import { recordFromParts, recordFromTree } from '../record-from-tree';
import { u32, u64n } from './bytes';
import { ChunkBinXml } from './binxml';
import { BinXmlError } from './binxml-tokens';
import { CHUNK_HEADER_SIZE, type ChunkHeader } from './chunk-header';

/** "**\0\0", the event record signature. */
const RECORD_MAGIC = 0x0000_2a2a;
const RECORD_HEADER = 24;

export interface ChunkRecords {
  readonly records: EventRecord[];
  /**
   * Records read but not kept (their provider failed `keepProvider`), by position among the records read: the
   * 0th, 3rd… So a caller can stop at a record limit exactly where reading them all would have.
   */
  readonly notKept: number[];
  readonly damaged: number;
  readonly warnings: InputWarning[];
}

/**
 * Reads the event records of one verified chunk: from 512 up to the free-space offset or the header's last
 * record id. A record whose BinXML cannot be parsed is counted as damaged and the next one is read; a record
 * whose header is broken ends the chunk, since the next record's position is unknown. Records of providers
 * `keepProvider` refuses are parsed and checked all the same, but not built (see notKept).
 */
export function readChunkRecords(
  chunk: Uint8Array,
  chunkIndex: number,
  header: ChunkHeader,
  maxDepth: number,
  keepProvider?: (provider: string) => boolean,
): ChunkRecords {
  const records: EventRecord[] = [];
  const notKept: number[] = [];
  const warnings: InputWarning[] = [];
  let damaged = 0;
  const binxml = new ChunkBinXml(chunk, maxDepth);
  for (let pos = CHUNK_HEADER_SIZE; pos + RECORD_HEADER <= header.freeSpaceOffset; ) {
    const magic = u32(chunk, pos);
    if (magic !== RECORD_MAGIC) {
      // Zeroed space where records should be: the log was wiped or cut here. The rest of the chunk is lost.
      if (magic !== 0) damaged++;
      warnings.push({ code: magic === 0 ? 'eventlog.evtx.recordsWiped' : 'eventlog.evtx.recordBadMagic', params: { chunk: chunkIndex, offset: pos } });
      break;
    }
    const size = u32(chunk, pos + 4);
    const recordId = u64n(chunk, pos + 8);
    if (size < RECORD_HEADER + 4 || pos + size > chunk.length) {
      damaged++;
      warnings.push({ code: 'eventlog.evtx.recordBadSize', params: { chunk: chunkIndex, record: recordId, sizeBytes: size } });
      break;
    }
    try {
      const parts = binxml.parseRecordParts(pos + RECORD_HEADER, pos + size - 4, keepProvider);
      let record: EventRecord | null;
      if (parts === 'notKept') {
        notKept.push(records.length + notKept.length);
        record = null;
      } else if (parts) record = recordFromParts(parts.system, parts.event, recordId);
      else {
        const roots = binxml.parseRecord(pos + RECORD_HEADER, pos + size - 4);
        record = roots[0] ? recordFromTree(roots[0], recordId) : null;
      }
      if (record) records.push(record);
      else if (parts !== 'notKept') {
        damaged++;
        warnings.push({ code: 'eventlog.evtx.recordNotEvent', params: { chunk: chunkIndex, record: recordId } });
      }
    } catch (e) {
      // BinXmlError is the parser's only expected failure; anything else is a bug and must surface.
      if (!(e instanceof BinXmlError)) throw e;
      damaged++;
      warnings.push({ code: 'eventlog.evtx.recordDamaged', params: { chunk: chunkIndex, record: recordId, offset: e.offset } });
    }
    pos += size;
    if (recordId === header.lastRecordId) break;
  }
  return { records, notKept, damaged, warnings };
}
