/** One Windows event, from .evtx or Event Viewer XML, as plain data (it crosses workers and IPC). */
export interface EventRecord {
  /** EventRecordID from System (falls back to the .evtx record header's id). */
  readonly recordId: number;
  readonly eventId: number;
  readonly provider: string;
  readonly channel: string;
  readonly level: number;
  /** ISO-8601 UTC, as Event Viewer writes TimeCreated/@SystemTime. */
  readonly timeCreated: string;
  readonly computer: string;
  /**
   * Every field of the System element in document order: `Element` holds its text ("" when empty) and
   * `Element@Attr` each attribute, e.g. `Provider@Guid`, `EventID@Qualifiers`, `Execution@ProcessID`.
   */
  readonly system: Readonly<Record<string, string>>;
  /** EventData/UserData as an element tree (the EventData or UserData element itself). */
  readonly data: EventNode | null;
  /** RenderingInfo/Message, present in XML saved by Event Viewer with display information. */
  readonly message?: string;
}

/** A small element tree (what BinXML or XML gives after parsing). Mixed text is concatenated. */
export interface EventNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly EventNode[];
  readonly text?: string;
}

export interface EventLogEvidence {
  readonly kind: 'events';
  readonly id: string;
  /** The input's display name; evidence references are `<source>#record:<recordId>`. */
  readonly source: string;
  readonly format: 'evtx' | 'xml';
  /** The events of providers Relay Doctor reads (see relevant.ts), in file order. */
  readonly records: readonly EventRecord[];
  /** Events of other providers that were read and counted but not kept (absent when none). */
  readonly otherRecords?: number;
}
