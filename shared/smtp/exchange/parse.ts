import type { SmtpLine, SmtpSession } from '../types';
import { splitCsvLine } from '../csv';
import { forEachLine } from '../text';
import { buildSession, type SessionDraft } from '../session-build';
import { DEFAULT_FIELDS, resolveColumns, type ExchangeColumns } from './fields';
import { isRelevant } from '../relevance';

export interface ExchangeLogParse {
  readonly format: 'exchangeSend' | 'exchangeReceive';
  readonly sessions: SmtpSession[];
  /** Lines that were neither headers nor parsable records. */
  readonly damaged: number;
  /** Complete sessions dropped because nothing in them concerns Exchange Online or an error. */
  readonly skipped: number;
}

interface Draft {
  sessionId: string;
  connector?: string;
  localEndpoint?: string;
  remoteEndpoint?: string;
  lines: Array<SmtpLine & { seq: number }>;
  closed: boolean;
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
 * Parses one Exchange SmtpSend/SmtpReceive protocol log and rebuilds its sessions (session-id, then
 * sequence-number). Sessions are closed as soon as their disconnect line is read, and irrelevant ones are
 * dropped right away, so memory follows the number of relevant sessions rather than the size of the log.
 */
export function parseExchangeLog(source: string, bytes: Uint8Array): ExchangeLogParse {
  let columns: ExchangeColumns | undefined = resolveColumns(DEFAULT_FIELDS);
  let logType: string | undefined;
  let role: 'client' | 'server' | undefined = roleOf(undefined, source);
  let damaged = 0;
  let skipped = 0;
  const open = new Map<string, Draft>();
  const done: SmtpSession[] = [];

  const finish = (draft: Draft): void => {
    const session = buildSession(toDraft(draft, role ?? 'client'));
    if (!session.complete || isRelevant(session)) done.push(session);
    else skipped++;
  };

  forEachLine(bytes, (raw, lineNo) => {
    if (raw === '') return;
    if (raw.startsWith('#')) {
      const m = /^#([A-Za-z-]+):\s*(.*)$/.exec(raw);
      if (m?.[1]?.toLowerCase() === 'fields') columns = resolveColumns(m[2] ?? '');
      if (m?.[1]?.toLowerCase() === 'log-type') {
        logType = m[2];
        role = roleOf(logType, source) ?? role;
      }
      return;
    }
    const cols = columns;
    const f = cols ? splitCsvLine(raw) : [];
    const sessionId = cols ? f[cols.sessionId] : undefined;
    const event = cols ? f[cols.event] : undefined;
    if (!cols || !sessionId || !event || f.length < Math.min(cols.count, cols.data + 1)) {
      damaged++;
      return;
    }
    let draft = open.get(sessionId);
    if (!draft) {
      draft = { sessionId, lines: [], closed: false };
      open.set(sessionId, draft);
    }
    const connector = f[cols.connectorId];
    const local = f[cols.localEndpoint];
    const remote = f[cols.remoteEndpoint];
    if (connector && !draft.connector) draft.connector = connector;
    if (local && !draft.localEndpoint) draft.localEndpoint = local;
    if (remote && !draft.remoteEndpoint) draft.remoteEndpoint = remote;
    if (!role && (event === '>' || event === '<')) {
      // A log without header or telling name: whoever sends EHLO is the client.
      const data = f[cols.data] ?? '';
      if (/^(EHLO|HELO)\b/i.test(data)) role = event === '>' ? 'client' : 'server';
    }
    const seq = Number(f[cols.sequenceNumber]);
    const context = f[cols.context];
    const timestamp = f[cols.dateTime];
    draft.lines.push({
      seq: Number.isFinite(seq) ? seq : draft.lines.length,
      line: lineNo,
      ref: `${source}#L${lineNo}`,
      direction: event === '>' ? 'sent' : event === '<' ? 'received' : 'info',
      kind: event in EVENT_KIND ? EVENT_KIND[event as keyof typeof EVENT_KIND] : 'info',
      text: f[cols.data] ?? '',
      ...(context ? { context } : {}),
      ...(timestamp ? { timestamp } : {}),
    });
    if (event === '-') {
      open.delete(sessionId);
      finish(draft);
    }
  });
  for (const draft of open.values()) finish(draft);
  return { format: role === 'server' ? 'exchangeReceive' : 'exchangeSend', sessions: done, damaged, skipped };
}

function toDraft(draft: Draft, role: 'client' | 'server'): SessionDraft {
  const lines = [...draft.lines]
    .sort((a, b) => a.seq - b.seq || a.line - b.line)
    .map(({ seq: _seq, ...line }) => {
      if (line.direction === 'info') return line;
      const isCommand = (line.direction === 'sent') === (role === 'client');
      return { ...line, kind: isCommand ? ('command' as const) : ('reply' as const) };
    });
  return {
    sessionId: draft.sessionId,
    role,
    lines,
    ...(draft.connector ? { connector: draft.connector } : {}),
    ...(draft.localEndpoint ? { localEndpoint: draft.localEndpoint } : {}),
    ...(draft.remoteEndpoint ? { remoteEndpoint: draft.remoteEndpoint } : {}),
  };
}
