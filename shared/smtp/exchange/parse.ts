import type { SmtpSession } from '../types';
import { splitCsvLine } from '../csv';
import { forEachChunk } from '../text';
import { detachPlain as detach } from './detach';
import { buildSession } from '../session-build';
import { toDraft, type Draft } from './draft';
import { DEFAULT_FIELDS, resolveColumns, type ExchangeColumns } from './fields';
import { isRelevant } from '../relevance';
import { BOUNDARY_LINES, dataLinesIn, edgeSessions, fieldAt, triggeredSessions } from './prefilter';
import { QUOTED, commaIn, fieldBounds, fieldOf, forgetText, isDisconnect, skipFields } from './scan';
import { compactSession } from '../compact';

export interface ExchangeLogParse {
  readonly format: 'exchangeSend' | 'exchangeReceive';
  readonly sessions: SmtpSession[];
  /** Lines that were neither headers nor parsable records. */
  readonly damaged: number;
  /** Complete sessions dropped because nothing in them concerns Exchange Online or an error. */
  readonly skipped: number;
  /** Complete sessions of which only the lines that prove something were kept (large logs). */
  readonly compacted: number;
}

export interface ParseOptions {
  /** Keep only the proving lines of complete sessions (see compact.ts). */
  readonly compact?: boolean;
}



const EVENT_KIND = { '+': 'connect', '-': 'disconnect', '*': 'info' } as const;

/** Send logs are written by the client side; the `#Log-Type`, file name or first command tells which. */
function roleOf(logType: string | undefined, fileName: string): 'client' | 'server' | undefined {
  if (logType) return /receive/i.test(logType) ? 'server' : /send/i.test(logType) ? 'client' : undefined;
  const base = fileName.split(/[\\/]/).at(-1) ?? '';
  if (/^RECV/i.test(base)) return 'server';
  if (/^SEND/i.test(base)) return 'client';
  return undefined;
}

/**
 * The log's text, visited in pieces that end at line ends; callable more than once (the parser reads twice).
 * `bytesSource` serves an in-memory file; a Node caller can serve a file from disk in pieces, which keeps
 * memory bounded for gigabyte logs (bench/smtp.bench.mjs does).
 */
export type TextSource = (visit: (text: string, last: boolean) => void) => void;

export function bytesSource(bytes: Uint8Array): TextSource {
  return (visit) => forEachChunk(bytes, visit);
}

function headerColumns(firstText: string): ExchangeColumns | undefined {
  const fields = /^#Fields:\s*(.*)$/m.exec(firstText.slice(0, 16384))?.[1];
  return resolveColumns(fields?.trim() ?? DEFAULT_FIELDS);
}

/**
 * Which sessions to read fully. A first, cheap pass finds the lines that can make a session relevant
 * (String.indexOf for a few patterns) and the sessions at both ends of the file (possibly continued in the
 * neighbouring file); every other line is then skipped after reading only its session id.
 */
function sessionsToKeep(read: TextSource): { keep: Set<string>; columns: ExchangeColumns | undefined } {
  const keep = new Set<string>();
  let columns: ExchangeColumns | undefined;
  let first = true;
  // Both ends count BOUNDARY_LINES data lines however small the pieces are: the head across the first pieces,
  // the tail across the newest pieces that hold it (kept until newer ones hold enough; an 8 MB piece alone
  // does). Small pieces matter: decoded strings under ~128 KB die young instead of filling the old generation.
  let headLeft = BOUNDARY_LINES;
  const tail: Array<{ text: string; lines: number }> = [];
  let tailLines = 0;
  read((text, last) => {
    if (first) columns = headerColumns(text);
    if (!columns) return;
    triggeredSessions(text, columns.sessionId, keep);
    if (headLeft > 0) headLeft -= edgeSessions(text, columns.sessionId, headLeft, false, keep);
    const lines = dataLinesIn(text, BOUNDARY_LINES);
    tail.push({ text, lines });
    tailLines += lines;
    while (tail.length > 1 && tailLines - (tail[0]?.lines ?? 0) >= BOUNDARY_LINES) tailLines -= tail.shift()?.lines ?? 0;
    if (last) {
      let left = BOUNDARY_LINES;
      for (let i = tail.length - 1; i >= 0 && left > 0; i--) left -= edgeSessions(tail[i]?.text ?? '', columns.sessionId, left, true, keep);
    }
    first = false;
  });
  return { keep, columns };
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
  let columns = first.columns;
  let role: 'client' | 'server' | undefined = roleOf(undefined, source);
  let damaged = 0;
  let skipped = 0;
  let compacted = 0;
  const open = new Map<string, Draft>();
  const done: SmtpSession[] = [];
  const pool = new Map<string, string>();

  const finish = (draft: Draft): void => {
    const session = buildSession(toDraft(draft, role ?? 'client'));
    if (!session.complete) done.push(detach(session, pool));
    else if (!isRelevant(session)) skipped++;
    else if (options.compact) {
      done.push(detach(compactSession(session), pool));
      compacted++;
    } else done.push(detach(session, pool));
  };

  // Fields stay slices of the decoded chunk while their session is open (sessions are short); `detach`
  // copies what is kept once the session is finished and compacted.
  // Unquoted lines (nearly all) are cut only where a kept field is; lines with a quote go through the CSV parser.
  // `id` is the session id the caller read (the same string for a burst of lines, so its hash is computed once
  // instead of hashing a fresh slice for the map on every line); quoted lines take theirs from the CSV parser.
  const record = (text: string, pos: number, end: number, lineNo: number, cols: ExchangeColumns, id: string): void => {
    const n = fieldBounds(text, pos, end);
    const f = n < 0 ? splitCsvLine(text.slice(pos, end)) : undefined;
    const get = (i: number): string | undefined => (f ? f[i] : fieldOf(text, n, i));
    const rawId = f ? f[cols.sessionId] : id;
    const event = get(cols.event);
    if (!rawId || !event || (f ? f.length : n) < Math.min(cols.count, cols.data + 1)) {
      damaged++;
      return;
    }
    let draft = open.get(rawId);
    if (!draft) {
      draft = { sessionId: rawId, lines: [], seqs: [] };
      open.set(draft.sessionId, draft);
    }
    if (!draft.connector) draft.connector = get(cols.connectorId) || undefined;
    if (!draft.localEndpoint) draft.localEndpoint = get(cols.localEndpoint) || undefined;
    if (!draft.remoteEndpoint) draft.remoteEndpoint = get(cols.remoteEndpoint) || undefined;
    const data = get(cols.data) ?? '';
    // A log without header or telling name: whoever sends EHLO is the client.
    if (!role && (event === '>' || event === '<') && /^(EHLO|HELO)\b/i.test(data)) role = event === '>' ? 'client' : 'server';
    const seq = Number(get(cols.sequenceNumber));
    const context = get(cols.context);
    const timestamp = get(cols.dateTime);
    // Optional keys assigned rather than spread: same object, no temporary objects per line.
    draft.seqs.push(Number.isFinite(seq) ? seq : draft.lines.length);
    const line: Draft['lines'][number] = {
      line: lineNo,
      ref: `${source}#L${lineNo}`,
      direction: event === '>' ? 'sent' : event === '<' ? 'received' : 'info',
      kind: event in EVENT_KIND ? EVENT_KIND[event as keyof typeof EVENT_KIND] : 'info',
      text: data,
    };
    if (context) line.context = context;
    if (timestamp) line.timestamp = timestamp;
    draft.lines.push(line);
    if (event === '-') {
      open.delete(draft.sessionId);
      finish(draft);
    }
  };

  let lineNo = 0;
  let lastId: string | undefined;
  let lastKept = false;
  read((text) => {
    let pos = 0;
    while (pos < text.length) {
      const nl = text.indexOf('\n', pos);
      let end = nl < 0 ? text.length : nl;
      const next = end + 1;
      if (end > pos && text.charCodeAt(end - 1) === 13) end--;
      lineNo++;
      if (end === pos) {
        pos = next;
        continue;
      }
      if (text.charCodeAt(pos) === 35) {
        const m = /^#([A-Za-z-]+):\s*(.*)$/.exec(text.slice(pos, end));
        const name = m?.[1]?.toLowerCase();
        if (name === 'fields') columns = resolveColumns(m?.[2] ?? '');
        if (name === 'log-type') role = roleOf(m?.[2], source) ?? role;
      } else if (!columns) damaged++;
      else {
        // Most lines belong to the same session as the line before (Exchange writes a session in bursts):
        // comparing the id in place avoids cutting and hashing a string for every line.
        const sid = columns.sessionId;
        const idStart = skipFields(text, pos, end, sid);
        let idEnd = idStart < 0 ? -1 : commaIn(text, idStart, end);
        if (idEnd < 0) idEnd = end;
        let id: string | undefined;
        if (idStart === QUOTED) id = fieldAt(text, pos, end, sid);
        else if (idStart >= 0 && lastId !== undefined && idEnd - idStart === lastId.length && text.startsWith(lastId, idStart)) id = lastId;
        else if (idStart >= 0) {
          id = text.slice(idStart, idEnd);
          lastId = id;
          lastKept = keep.has(id);
        }
        const kept = id === lastId ? lastKept : id !== undefined && keep.has(id);
        if (id !== undefined && kept) record(text, pos, end, lineNo, columns, id);
        else if (!id) damaged++;
        else if (isDisconnect(text, pos, end, idStart, idEnd, columns)) skipped++;
      }
      pos = next;
    }
  });
  for (const draft of open.values()) finish(draft);
  forgetText();
  return { format: role === 'server' ? 'exchangeReceive' : 'exchangeSend', sessions: done, damaged, skipped, compacted };
}
