/** Windows event logs: the public surface for the engine, the app's worker, the CLI and benchmarks. */
export type { EventLogEvidence, EventNode, EventRecord } from './types';
export { evtxReader, eventXmlReader } from './readers';
export { readFileHeader, type EvtxFileHeader } from './evtx/file-header';
export { readEvtxChunk, readEvtxChunks, firstChunkOffset, type EvtxChunkResult } from './evtx/read-evtx';
export { readEvtxFile, type EvtxReadOptions, type EvtxReadResult } from './evtx/read-evtx-file';
export { CHUNK_SIZE } from './evtx/chunk-header';
export { parseEventXml } from './xml/parse-event-xml';
export { decodeXmlText } from './xml/decode-text';
export { renderEventXml } from './render-xml';
export { readCapi2Event, type Capi2Event, type Capi2Chain, type CertRef } from './capi2/capi2-event';
export { groupByTask, indexChains, type Capi2Task } from './capi2/correlate';
export { decodeHresult, type Hresult } from './capi2/hresult';
export { decodeTrustStatus, type TrustStatus } from './capi2/trust-status';
export { eventLogAnalyzer } from './analyze/eventlog-analyzer';
