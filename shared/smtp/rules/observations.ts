import type { LoggedCertificate, NdrEvidence, SmtpSession } from '../types';
import { endpointHost, mentionsExchangeOnline } from '../reply';

/** One piece of SMTP text that a rule can judge, with what the finding should say about where it came from. */
export interface Observation {
  readonly text: string;
  /** Evidence references proving it (the line, plus the certificate lines of its session). */
  readonly refs: readonly string[];
  readonly remoteHost?: string;
  readonly connector?: string;
  readonly certificate?: LoggedCertificate;
  /** How many occurrences it stands for: 1, or more for a session with identical ones folded into it. */
  readonly weight?: number;
  /**
   * What one occurrence is: an NDR message. Its MIME parts repeat the same reply (the text part, the DSN's
   * Diagnostic-Code), and a message refused once is counted once per finding (issue 17 item 6).
   */
  readonly occurrence?: string;
}

/** The peer as precisely as the session names it: banner host, else the bracketed EOP host, else the IP. */
export function sessionHost(session: SmtpSession): string | undefined {
  return session.remoteHost ?? bracketHost(session.finalReply ?? '') ?? endpointHost(session.remoteEndpoint);
}

function bracketHost(text: string): string | undefined {
  return /\[([A-Za-z0-9.-]+\.[A-Za-z]{2,})\]/.exec(text)?.[1];
}

/** Replies and log notes of every session (commands are what we sent, so they prove nothing). */
export function sessionObservations(sessions: readonly SmtpSession[]): Observation[] {
  const out: Observation[] = [];
  for (const s of sessions) {
    const host = sessionHost(s);
    for (const line of s.lines) {
      if (line.kind !== 'reply' && line.kind !== 'info') continue;
      const text = line.context ? `${line.text} ${line.context}`.trim() : line.text;
      if (!text) continue;
      out.push({
        text,
        refs: [line.ref, ...(s.certificateSent?.refs ?? [])],
        ...(host ? { remoteHost: host } : {}),
        ...(s.connector ? { connector: s.connector } : {}),
        ...(s.certificateSent ? { certificate: s.certificateSent } : {}),
        ...(s.alike ? { weight: 1 + s.alike } : {}),
      });
    }
  }
  return out;
}

/** Diagnostic codes and reply lines of every NDR message, each once per message. */
export function ndrObservations(ndrs: readonly NdrEvidence[]): Observation[] {
  const out: Observation[] = [];
  for (const ndr of ndrs) {
    for (const m of ndr.messages) {
      const ref = ndr.format === 'text' && ndr.messages.length === 1 ? ndr.source : `${ndr.source}#message:${m.index}`;
      const mta = m.recipients.map((r) => r.remoteMta).find(Boolean)?.replace(/^\s*dns\s*;\s*/i, '') ?? m.remoteServer;
      const texts = new Set<string>([...m.replies, ...m.recipients.map((r) => r.diagnosticCode ?? '')].filter(Boolean));
      // A bare Status: field still proves the code when no reply text came with it.
      for (const code of m.statusCodes) if (![...texts].some((t) => t.includes(code))) texts.add(`Status: ${code}`);
      for (const text of texts) {
        const host = mta ?? bracketHost(text);
        out.push({ text, refs: [ref], occurrence: ref, ...(host ? { remoteHost: host } : {}) });
      }
    }
  }
  return out;
}

/** A client session to Exchange Online that sent mail without ever starting TLS (cause C8). */
export function isPlainSessionToEop(s: SmtpSession): boolean {
  if (s.role !== 'client' || s.startTls) return false;
  const toEop = (s.remoteHost && mentionsExchangeOnline(s.remoteHost)) || s.lines.some((l) => l.kind === 'reply' && mentionsExchangeOnline(l.text));
  const greeted = s.lines.some((l) => l.kind === 'command' && /^(EHLO|HELO)\b/i.test(l.text));
  const mailed = s.lines.some((l) => l.kind === 'command' && /^MAIL FROM/i.test(l.text));
  return Boolean(toEop) && greeted && mailed;
}
