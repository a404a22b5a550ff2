import type { SmtpSession } from '../types';
import { bytesSource, type TextSource } from '../text';
import { resolveColumns, type ExchangeColumns } from './fields';
import { fieldAt } from './prefilter';
import { QUOTED, forgetText } from './scan';
import { sessionsToKeep } from './keep';
import { SessionCollector } from './collect';

export type { TextSource } from '../text';

export interface ExchangeLogParse {
  readonly format: 'exchangeSend' | 'exchangeReceive';
  readonly sessions: SmtpSession[];
  /** Lines that were neither headers nor parsable records. */
  readonly damaged: number;
  /** Complete sessions dropped because nothing in them concerns Exchange Online or an error. */
  readonly skipped: number;
  /** Complete sessions of which only the lines that prove something were kept (large logs). */
  readonly compacted: number;
  /** Of those, sessions counted on an identical kept one (`alike`) instead of kept (large logs). */
  readonly folded: number;
}

export interface ParseOptions {
  /** Keep only the proving lines of complete sessions (see compact.ts). */
  readonly compact?: boolean;
}

/** Send logs are written by the client side; the `#Log-Type`, file name or first command tells which. */
function roleOf(logType: string | undefined, fileName: string): 'client' | 'server' | undefined {
  if (logType) return /receive/i.test(logType) ? 'server' : /send/i.test(logType) ? 'client' : undefined;
  const base = fileName.split(/[\\/]/).at(-1) ?? '';
  if (/^RECV/i.test(base)) return 'server';
  if (/^SEND/i.test(base)) return 'client';
  return undefined;
}

/**
 * Parses one Exchange SmtpSend/SmtpReceive protocol log and rebuilds its sessions (session-id, then
 * sequence-number). Sessions are closed as soon as their disconnect line is read and irrelevant ones are
 * dropped, so memory follows the number of relevant sessions rather than the size of the log.
 */
export function parseExchangeLog(source: string, bytes: Uint8Array, options: ParseOptions = {}): ExchangeLogParse {
  return parseExchangeLogText(source, bytesSource(bytes), options);
}

/** The same, from a text source that may stream the file from disk. */
export function parseExchangeLogText(source: string, read: TextSource, options: ParseOptions = {}): ExchangeLogParse {
  const first = sessionsToKeep(read);
  const keep = first.keep;
  const columns = first.columns;
  const sessions = new SessionCollector(source, roleOf(undefined, source), options.compact === true);

  const walker = new LineWalker(source, keep, columns, sessions);
  read((text) => walker.walk(text));
  sessions.finishAll();
  forgetText();
  const role = sessions.role;
  return { format: role === 'server' ? 'exchangeReceive' : 'exchangeSend', sessions: sessions.done, damaged: sessions.damaged, skipped: sessions.skipped, compacted: sessions.compacted, folded: sessions.folded };
}

/**
 * The second pass: every line's session id is found and only lines of kept sessions are read further. The
 * hot state lives in locals for the length of a piece (closure and field accesses per line measured slower).
 */
class LineWalker {
  #lineNo = 0;
  // Exchange writes a session in bursts of lines: the previous line's id and whether it is kept are reused
  // when the next line's id is equal (a slice compared with ===, which V8 does with memcmp; startsWith and
  // charCodeAt loops measured slower).
  #lastId: string | undefined;
  #lastKept = false;
  #columns: ExchangeColumns | undefined;
  readonly #source: string;
  readonly #keep: ReadonlySet<string>;
  readonly #sessions: SessionCollector;

  constructor(source: string, keep: ReadonlySet<string>, columns: ExchangeColumns | undefined, sessions: SessionCollector) {
    this.#source = source;
    this.#keep = keep;
    this.#columns = columns;
    this.#sessions = sessions;
  }

  walk(text: string): void {
    const keep = this.#keep;
    const sessions = this.#sessions;
    const length = text.length;
    let columns = this.#columns;
    let sid = columns?.sessionId ?? 0;
    let lineNo = this.#lineNo;
    let lastId = this.#lastId;
    let lastKept = this.#lastKept;
    // Forward-only remembered positions of the next comma, ",-" and quote: each stretch of text is searched
    // once however many lines ask (linear on hostile lines without commas).
    let comma = -1;
    let mark = -1;
    let quote = -1;
    let pos = 0;
    while (pos < length) {
      let next = text.indexOf('\n', pos);
      if (next < 0) next = length;
      let end = next;
      if (end > pos && text.charCodeAt(end - 1) === 13) end--;
      lineNo++;
      const c0 = end > pos ? text.charCodeAt(pos) : -1;
      if (c0 === 35) {
        const m = /^#([A-Za-z-]+):\s*(.*)$/.exec(text.slice(pos, end));
        const name = m?.[1]?.toLowerCase();
        if (name === 'fields') {
          columns = resolveColumns(m?.[2] ?? '');
          sid = columns?.sessionId ?? 0;
        }
        if (name === 'log-type') sessions.role = roleOf(m?.[2], this.#source) ?? sessions.role;
      } else if (c0 < 0) {
        // An empty line.
      } else if (!columns) sessions.damaged++;
      else {
        // The session id's bounds, commas counted with the remembered position; a quoted field on the way
        // (its commas may be data) sends the line to the CSV reading.
        let at = pos;
        for (let i = 0; i < sid && at >= 0; i++) {
          if (text.charCodeAt(at) === 34) at = QUOTED;
          else {
            if (comma < at) {
              comma = text.indexOf(',', at);
              if (comma < 0) comma = length;
            }
            at = comma < end ? comma + 1 : -1;
          }
        }
        let id: string | undefined;
        let kept = false;
        if (at === QUOTED || (at >= 0 && text.charCodeAt(at) === 34)) {
          id = fieldAt(text, pos, end, sid);
          kept = id !== undefined && keep.has(id);
        } else if (at >= 0) {
          if (comma < at) {
            comma = text.indexOf(',', at);
            if (comma < 0) comma = length;
          }
          id = text.slice(at, comma < end ? comma : end);
          if (id !== lastId) {
            lastId = id;
            lastKept = keep.has(id);
          } else id = lastId; // the burst's one string: the collector's map hashed it already
          kept = lastKept;
        }
        if (id && kept) sessions.record(text, pos, end, lineNo, columns, id);
        else if (!id) sessions.damaged++;
        else {
          // A disconnect of a skipped session: its event column is "-". Most lines hold neither ",-" nor a quote
          // nor have the event first, and are passed over without counting their commas.
          if (mark < pos) {
            mark = text.indexOf(',-', pos);
            if (mark < 0) mark = length;
          }
          if (quote < pos) {
            quote = text.indexOf('"', pos);
            if (quote < 0) quote = length;
          }
          if ((mark < end - 1 || quote < end || columns.event === 0) && fieldAt(text, pos, end, columns.event) === '-') sessions.skipped++;
        }
      }
      pos = next + 1;
    }
    this.#columns = columns;
    this.#lineNo = lineNo;
    this.#lastId = lastId;
    this.#lastKept = lastKept;
  }
}
