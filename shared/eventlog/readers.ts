import { err, ok } from '../result';
import type { Reader } from '../engine/reader';
import type { InputFile } from '../model/input';
import type { EventLogEvidence, EventRecord } from './types';
import { hasMagic } from './evtx/bytes';
import { FILE_MAGIC } from './evtx/file-header';
import { readEvtxFile } from './evtx/read-evtx-file';
import { EVENT_NAMESPACE } from './render-xml';
import { decodeXmlText } from './xml/decode-text';
import { parseEventXml } from './xml/parse-event-xml';
import { isRelevantEvent } from './relevant';

/** Events of the providers Relay Doctor reads are kept; the others are only counted (see relevant.ts). */
function evidence(input: InputFile, format: 'evtx' | 'xml', kept: readonly EventRecord[], otherRecords: number): EventLogEvidence {
  return { kind: 'events', id: `events:${input.name}`, source: input.name, format, records: kept, ...(otherRecords > 0 ? { otherRecords } : {}) };
}

/** Exported .evtx logs ("Save All Events As…", `wevtutil epl`). Sniffed by the "ElfFile\0" magic. */
export const evtxReader: Reader = {
  id: 'eventlog.evtx',
  kind: 'events',
  sniff: (input) => (hasMagic(input.bytes, 0, FILE_MAGIC) ? 3 : /\.evtx$/i.test(input.name) ? 1 : 0),
  read: async (input, options) => {
    const read = readEvtxFile(input.bytes, {
      maxDepth: options.limits.maxNestingDepth,
      maxRecords: options.limits.maxRecords,
      keep: isRelevantEvent,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (!read.ok) return read;
    const { records, otherRecords, damaged, warnings } = read.value;
    return ok({ evidence: [evidence(input, 'evtx', records, otherRecords)], items: records.length + otherRecords, damaged, warnings });
  },
};

/**
 * Event Viewer XML: "Save as XML", a copied single event, or `wevtutil qe /f:xml`. Sniffed by content: an
 * <Event> element in the Windows event namespace within the first few kilobytes.
 */
export const eventXmlReader: Reader = {
  id: 'eventlog.xml',
  kind: 'events',
  sniff: (input) => {
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
    return ok({ evidence: [evidence(input, 'xml', kept, records.length - kept.length)], items: records.length, damaged, warnings });
  },
};
