import { err, ok, type Result } from '../result';
import type { Reader, ReadOptions, ReadOutput } from '../model/reader';
import { DEFAULT_LIMITS, type InputError, type InputFile } from '../model/input';
import type { EventLogEvidence, EventRecord } from './types';
import { hasMagic } from './evtx/bytes';
import { FILE_MAGIC, readFileHeader } from './evtx/file-header';
import { readEvtxFile } from './evtx/read-evtx-file';
import { firstChunkOffset, readEvtxChunk, type EvtxStreamOptions } from './evtx/read-evtx';
import { CHUNK_SIZE } from './evtx/chunk-header';
import { chunkSlots, readEvtxPieces } from './evtx/read-evtx-pieces';
import { EvtxTally, type EvtxReadResult, type EvtxTallyOptions, type EvtxTallyPart } from './evtx/evtx-tally';
import { EVENT_NAMESPACE } from './render-xml';
import { decodeXmlText } from './xml/decode-text';
import { parseEventXml } from './xml/parse-event-xml';
import { isRelevantEvent, isRelevantProvider } from './relevant';

/** Events of the providers Relay Doctor reads are kept; the others are only counted (see relevant.ts). */
function evidence(name: string, format: 'evtx' | 'xml', kept: readonly EventRecord[], otherRecords: number): EventLogEvidence {
  return { kind: 'events', id: `events:${name}`, source: name, format, records: kept, ...(otherRecords > 0 ? { otherRecords } : {}) };
}

function tallyOptions(options: ReadOptions): EvtxTallyOptions {
  return { maxRecords: options.limits.maxRecords, keep: isRelevantEvent, ...(options.signal ? { signal: options.signal } : {}) };
}

/** Only records of the providers Relay Doctor reads are built; the others are parsed, checked and counted. */
function chunkOptions(options: ReadOptions): EvtxStreamOptions {
  return { maxDepth: options.limits.maxNestingDepth, keepProvider: isRelevantProvider };
}

function evtxOutput(name: string, read: Result<EvtxReadResult, InputError>): Result<ReadOutput, InputError> {
  if (!read.ok) return read;
  const { records, otherRecords, damaged, warnings } = read.value;
  return ok({ evidence: [evidence(name, 'evtx', records, otherRecords)], items: records.length + otherRecords, damaged, warnings });
}

const isEvtx = (head: Uint8Array): boolean => hasMagic(head, 0, FILE_MAGIC);

/**
 * Whether a large log is worth reading in shares: when its first chunk holds no event Relay Doctor keeps (a
 * Security or System log). A log of kept events (a CAPI2 log) is read on one thread: its records' trees cost
 * more to copy between threads than to parse (100 MB of CAPI2 events: 6.5 s on one thread, 11 s in two shares).
 */
function firstChunkKeepsNone(head: Uint8Array): boolean {
  const header = readFileHeader(head);
  if (!header) return false;
  const first = firstChunkOffset(header, head.length);
  if (first + CHUNK_SIZE > head.length) return true;
  const chunk = readEvtxChunk(head.subarray(first, first + CHUNK_SIZE), 0, header.chunkCount, { maxDepth: DEFAULT_LIMITS.maxNestingDepth, keepProvider: isRelevantProvider });
  return chunk.records.length === 0;
}

/**
 * Exported .evtx logs ("Save All Events As…", `wevtutil epl`). Sniffed by the "ElfFile\0" magic. A large file is
 * streamed one 64 KiB chunk at a time (a 1 GB log never sits in memory), and, chunks being independent, can be
 * read in shares on several threads at once and joined in file order (issue 23).
 */
export const evtxReader: Reader = {
  id: 'eventlog.evtx',
  kind: 'events',
  sniff: (input) => (isEvtx(input.bytes) ? 3 : /\.evtx$/i.test(input.name) ? 1 : 0),
  read: async (input, options) =>
    evtxOutput(input.name, readEvtxFile(input.bytes, { ...chunkOptions(options), ...tallyOptions(options) })),
  stream: {
    accepts: isEvtx,
    read: async (input, options) => {
      const header = readFileHeader(input.head);
      if (!header) return err({ code: 'input.damaged' });
      const tally = new EvtxTally(tallyOptions(options), header);
      readEvtxPieces(input.pieces, header, input.size, chunkOptions(options), (step) => {
        options.onProgress?.(step.bytesDone / input.size);
        return tally.add(step);
      });
      return evtxOutput(input.name, tally.result());
    },
    shares: {
      worthIt: firstChunkKeepsNone,
      read: async (input, share, options): Promise<EvtxTallyPart | null> => {
        const header = readFileHeader(input.head);
        if (!header) return null;
        const slots = chunkSlots(header, input.size);
        const from = Math.floor((slots * share.index) / share.count);
        // The last share reads to the end, whatever the end is (a chunk cut short is reported there).
        const to = share.index === share.count - 1 ? Number.POSITIVE_INFINITY : Math.floor((slots * (share.index + 1)) / share.count);
        const tally = new EvtxTally(tallyOptions(options), share.index === 0 ? header : null);
        readEvtxPieces(
          input.pieces,
          header,
          input.size,
          chunkOptions(options),
          (step) => {
            options.onProgress?.((step.chunk + 1 - from) / Math.max(1, Math.min(slots, to) - from));
            return tally.add(step);
          },
          { from, to },
        );
        return tally.part();
      },
      join: (name, parts, options) => {
        // The parts are what `read` above returned on the reader threads.
        const tally = EvtxTally.joined(parts as readonly EvtxTallyPart[], tallyOptions(options));
        return tally ? evtxOutput(name, tally.result()) : null;
      },
    },
  },
};

/**
 * Event Viewer XML: "Save as XML", a copied single event, or `wevtutil qe /f:xml`. Sniffed by content: an
 * <Event> element in the Windows event namespace within the first few kilobytes.
 */
export const eventXmlReader: Reader = {
  id: 'eventlog.xml',
  kind: 'events',
  sniff: (input: InputFile) => {
    const head = decodeXmlText(input.bytes.subarray(0, 8192));
    if (!/<Event[\s>]/.test(head)) return 0;
    return head.includes(EVENT_NAMESPACE) ? 3 : /\.xml$/i.test(input.name) ? 1 : 0;
  },
  read: async (input, options) => {
    const parsed = parseEventXml(decodeXmlText(input.bytes), options.limits.maxXmlDepth);
    if (!parsed.ok) return parsed.error.code === 'input.unrecognized' ? err({ code: 'input.damaged' }) : parsed;
    const { records, damaged } = parsed.value;
    const warnings = damaged > 0 ? [{ code: 'eventlog.xml.notEvent', params: { count: damaged } }] : [];
    const kept = records.filter(isRelevantEvent);
    return ok({ evidence: [evidence(input.name, 'xml', kept, records.length - kept.length)], items: records.length, damaged, warnings });
  },
};
