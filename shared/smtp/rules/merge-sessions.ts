import type { SmtpLogEvidence, SmtpSession } from '../types';
import { buildSession } from '../session-build';

/**
 * Exchange rolls its protocol logs over mid-conversation, so one session can start in one file and end in
 * the next. Parts that share a session id (within the same log family) are joined in time order and their
 * facts worked out again; sessions seen once are kept as they are. A complete session (connect to
 * disconnect) is whole and passes straight through: on a gigabyte of logs that is nearly every session, and
 * no map entry is made for it.
 */
export function mergeSessions(logs: readonly SmtpLogEvidence[]): SmtpSession[] {
  const groups = new Map<string, SmtpSession[]>();
  const out: SmtpSession[] = [];
  // Exchange sessions in the order first seen: a complete session, or the parts of one seen in pieces.
  const exchange: Array<SmtpSession | SmtpSession[]> = [];
  for (const log of logs) {
    for (const session of log.sessions) {
      if (log.format === 'iis' || log.format === 'transcript') {
        out.push(session);
        continue;
      }
      if (session.complete) {
        exchange.push(session);
        continue;
      }
      const key = `${session.role}\u0000${session.sessionId}`;
      const list = groups.get(key);
      if (list) list.push(session);
      else {
        const parts = [session];
        groups.set(key, parts);
        exchange.push(parts);
      }
    }
  }
  for (const entry of exchange) {
    if (!Array.isArray(entry)) {
      out.push(entry);
      continue;
    }
    const parts = entry;
    const first = parts[0];
    if (!first) continue;
    if (parts.length === 1) {
      out.push(first);
      continue;
    }
    const ordered = [...parts].sort((a, b) => startOf(a).localeCompare(startOf(b)));
    out.push(
      buildSession({
        sessionId: first.sessionId,
        role: first.role,
        lines: ordered.flatMap((p) => p.lines),
        ...pick(ordered, 'connector'),
        ...pick(ordered, 'localEndpoint'),
        ...pick(ordered, 'remoteEndpoint'),
      }),
    );
  }
  return out;
}

function startOf(s: SmtpSession): string {
  return s.lines.find((l) => l.timestamp)?.timestamp ?? '';
}

function pick(parts: readonly SmtpSession[], key: 'connector' | 'localEndpoint' | 'remoteEndpoint'): Partial<Record<typeof key, string>> {
  const value = parts.map((p) => p[key]).find((v) => v !== undefined);
  return value ? { [key]: value } : {};
}
