/**
 * File extensions (without dots) that evidence usually comes in. Main's File ▸ Open evidence… dialog offers
 * them as its first filter and the renderer's Browse… input as its `accept` hint; both keep "All files"
 * possible, because a log or an export may carry any name.
 */
export const EVIDENCE_EXTENSIONS = [
  'cer', 'crt', 'pem', 'der', 'p7b', 'p7c', 'pfx', 'p12', 'sst',
  'evtx', 'xml', 'log', 'txt', 'eml', 'msg', 'json', 'zip',
] as const;
