import { splitCsvLine } from '../csv';
import { buildSession } from '../session-build';
import { FinishedSessions } from '../finished';
import { detachPlain as detach } from './detach';
import { RecordedLine, toDraft, type Draft } from './draft';
import type { ExchangeColumns } from './fields';
import { fieldBounds, fieldNumber, fieldOf } from './scan';
import type { SmtpLine } from '../types';

const EVENT_KIND: ReadonlyMap<string, SmtpLine['kind']> = new Map([
  ['+', 'connect'],
  ['-', 'disconnect'],
  ['*', 'info'],
]);

/** Field `i` of the line record() is reading: from the CSV split when it had quotes, else in place. */
function field(text: string, count: number, split: readonly string[] | undefined, i: number): string | undefined {
  return split ? split[i] : fieldOf(text, count, i);
}

/**
 * Gathers the lines of the sessions the parser keeps and turns each into an SmtpSession once its disconnect
 * line is read, then hands it on (FinishedSessions: dropped, kept, compacted or folded), copied off the
 * decoded text.
 */
export class SessionCollector extends FinishedSessions {
  damaged = 0;
  /** Set by the parser from `#Log-Type`, the file name or the first EHLO. */
  role: 'client' | 'server' | undefined;
  readonly #open = new Map<string, Draft>();
  /** The draft the last recorded line went to, while it is open. */
  #last: Draft | undefined;
  /** `<source>#L`, the start of every line reference, built once rather than once per line. */
  readonly #refPrefix: string;

  constructor(source: string, role: 'client' | 'server' | undefined, compact: boolean) {
    // Equal strings of kept sessions (connector, banner, certificate) become one: see detach.ts.
    const pool = new Map<string, string>();
    const refPrefix = `${source}#L`;
    super(compact, (session) => detach(session, pool, refPrefix));
    this.#refPrefix = refPrefix;
    this.role = role;
  }

  /**
   * One line text[pos, end) of a kept session. Fields stay slices of the decoded piece while their session is
   * open (sessions are short); `detach` copies what is kept once the session is finished. Unquoted lines
   * (nearly all) are cut only where a kept field is; lines with a quote go through the CSV parser. `id` is the
   * session id the caller read (the same string for a burst of lines, so its hash is computed once instead of
   * hashing a fresh slice for the map on every line); quoted lines take theirs from the CSV parser.
   */
  record(text: string, pos: number, end: number, lineNo: number, cols: ExchangeColumns, id: string): void {
    const n = fieldBounds(text, pos, end);
    // A line with a quote is read as CSV; the others are read in place (no closure per line: field()).
    const f = n < 0 ? splitCsvLine(text.slice(pos, end)) : undefined;
    const rawId = f ? f[cols.sessionId] : id;
    const event = field(text, n, f, cols.event);
    if (!rawId || !event || (f ? f.length : n) < Math.min(cols.count, cols.data + 1)) {
      this.damaged++;
      return;
    }
    // A burst of lines of one session: its draft is the last line's (no map look-up per line).
    let draft = rawId === this.#last?.sessionId ? this.#last : this.#open.get(rawId);
    if (!draft) {
      draft = { sessionId: rawId, lines: [], seqs: [] };
      this.#open.set(draft.sessionId, draft);
    }
    this.#last = draft;
    if (!draft.connector) draft.connector = field(text, n, f, cols.connectorId) || undefined;
    if (!draft.localEndpoint) draft.localEndpoint = field(text, n, f, cols.localEndpoint) || undefined;
    if (!draft.remoteEndpoint) draft.remoteEndpoint = field(text, n, f, cols.remoteEndpoint) || undefined;
    const data = field(text, n, f, cols.data) ?? '';
    // A log without header or telling name: whoever sends EHLO is the client.
    if (!this.role && (event === '>' || event === '<') && /^(EHLO|HELO)\b/i.test(data)) this.role = event === '>' ? 'client' : 'server';
    const seq = f ? Number(f[cols.sequenceNumber]) : fieldNumber(text, n, cols.sequenceNumber);
    const context = field(text, n, f, cols.context);
    const timestamp = field(text, n, f, cols.dateTime);
    draft.seqs.push(Number.isFinite(seq) ? seq : draft.lines.length);
    const direction = event === '>' ? 'sent' : event === '<' ? 'received' : 'info';
    draft.lines.push(new RecordedLine(this.#refPrefix, lineNo, direction, EVENT_KIND.get(event) ?? 'info', data, context || undefined, timestamp || undefined));
    if (event === '-') {
      this.#open.delete(draft.sessionId);
      this.#last = undefined;
      this.#finish(draft);
    }
  }

  /** Sessions still open at the end of the file (they may continue in the next one) are kept unfinished. */
  finishAll(): void {
    for (const draft of this.#open.values()) this.#finish(draft);
    this.#open.clear();
    this.#last = undefined;
  }

  #finish(draft: Draft): void {
    const session = buildSession(toDraft(draft, this.role ?? 'client'));
    if (session.complete) this.complete(session);
    else this.partial(session);
  }
}
