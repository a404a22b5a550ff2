/** One Windows event, from .evtx or Event Viewer XML, as plain data. */
export interface EventRecord {
  readonly recordId: number;
  readonly eventId: number;
  readonly provider: string;
  readonly channel: string;
  readonly level: number;
  /** ISO-8601 UTC. */
  readonly timeCreated: string;
  readonly computer: string;
  /** The System element's other fields, as strings. */
  readonly system: Readonly<Record<string, string>>;
  /** EventData/UserData as an element tree. */
  readonly data: EventNode | null;
}

/** A small element tree (what BinXML or XML gives after parsing). */
export interface EventNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly EventNode[];
  readonly text?: string;
}

export interface EventLogEvidence {
  readonly kind: 'events';
  readonly id: string;
  readonly source: string;
  readonly format: 'evtx' | 'xml';
  readonly records: readonly EventRecord[];
}
