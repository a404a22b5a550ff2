/** The column layout of an Exchange protocol log (domain.md §5.1), resolved from its `#Fields:` header. */
export interface ExchangeColumns {
  readonly dateTime: number;
  readonly connectorId: number;
  readonly sessionId: number;
  readonly sequenceNumber: number;
  readonly localEndpoint: number;
  readonly remoteEndpoint: number;
  readonly event: number;
  readonly data: number;
  readonly context: number;
  readonly count: number;
}

export const DEFAULT_FIELDS =
  'date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context';

/** Maps a `#Fields:` value to column indexes; undefined when the log lacks the columns sessions need. */
export function resolveColumns(fields: string): ExchangeColumns | undefined {
  const names = fields.split(',').map((f) => f.trim().toLowerCase());
  const at = (name: string) => names.indexOf(name);
  const cols = {
    dateTime: at('date-time'),
    connectorId: at('connector-id'),
    sessionId: at('session-id'),
    sequenceNumber: at('sequence-number'),
    localEndpoint: at('local-endpoint'),
    remoteEndpoint: at('remote-endpoint'),
    event: at('event'),
    data: at('data'),
    context: at('context'),
    count: names.length,
  };
  if (cols.sessionId < 0 || cols.event < 0 || cols.data < 0) return undefined;
  return cols;
}

/** A data line of a protocol log fragment pasted without its header: ISO time, connector, session id, seq. */
export const EXCHANGE_LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z,[^,]*,[0-9A-Fa-f-]{8,},\d+,/m;
