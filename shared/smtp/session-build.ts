import type { LoggedCertificate, SessionStatus, SmtpLine, SmtpSession } from './types';
import { greetingHost, helloAddress, replyCode } from './reply';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What a log format knows about a conversation before its derived facts are worked out. */
export interface SessionDraft {
  readonly sessionId: string;
  readonly role: 'client' | 'server';
  readonly connector?: string;
  readonly localEndpoint?: string;
  readonly remoteEndpoint?: string;
  /** In conversation order. */
  readonly lines: readonly SmtpLine[];
}

const TLS_FAILED = /TLS negotiation failed with error (\w+)/i;
const TLS_OK = /negotiation succeeded/i;
const NEGOTIATION = /negotiation/i;
const CERTIFICATE_LABEL = /certificate|alternate names/i;

interface CertDraft {
  subject?: string;
  issuer?: string;
  serial?: string;
  thumbprint?: string;
  dnsNames?: string[];
  refs: string[];
}

/** Assigns Exchange's certificate context lines ("Sending certificate", "Certificate subject" …) to a certificate. */
function certificates(session: SessionDraft): { sent?: LoggedCertificate; received?: LoggedCertificate } {
  let sent: CertDraft | undefined;
  let received: CertDraft | undefined;
  let current: 'sent' | 'received' | undefined;
  const target = (): CertDraft => {
    const which = current ?? (session.role === 'client' ? 'sent' : 'received');
    if (which === 'sent') return (sent ??= { refs: [] });
    return (received ??= { refs: [] });
  };
  for (const line of session.lines) {
    // Every label below names a certificate or its alternate names: other notes are passed over at once.
    if (line.kind !== 'info' || !line.context || !CERTIFICATE_LABEL.test(line.context)) continue;
    const label = line.context.trim();
    const value = line.text.trim();
    if (/^sending certificate$/i.test(label)) {
      current = 'sent';
      target().refs.push(line.ref);
    } else if (/^(received|remote) certificate$/i.test(label)) {
      current = 'received';
      target().refs.push(line.ref);
    } else if (/certificate subject$/i.test(label)) set(target(), 'subject', value, line.ref);
    else if (/certificate issuer( name)?$/i.test(label)) set(target(), 'issuer', value, line.ref);
    else if (/certificate serial( number)?$/i.test(label)) set(target(), 'serial', value, line.ref);
    else if (/certificate thumbprint$/i.test(label)) set(target(), 'thumbprint', value.replace(/\s+/g, '').toUpperCase(), line.ref);
    else if (/alternate names$/i.test(label)) {
      const t = target();
      t.dnsNames = value.split(/[;,]\s*|\s+/).filter(Boolean);
      t.refs.push(line.ref);
    }
  }
  return { ...(sent ? { sent } : {}), ...(received ? { received } : {}) };
}

function set(cert: CertDraft, key: 'subject' | 'issuer' | 'serial' | 'thumbprint', value: string, ref: string): void {
  if (value) cert[key] = value;
  cert.refs.push(ref);
}

function tls(lines: readonly SmtpLine[], startTlsAt: number): { outcome?: 'ok' | 'failed'; error?: string } {
  for (const line of lines) {
    // Both patterns need the word "negotiation", which cannot straddle the joining space: most lines are
    // passed over without building the joined text or running the two patterns.
    if (!NEGOTIATION.test(line.text) && !(line.context && NEGOTIATION.test(line.context))) continue;
    const both = `${line.text} ${line.context ?? ''}`;
    const failed = TLS_FAILED.exec(both);
    if (failed) return { outcome: 'failed', ...(failed[1] ? { error: failed[1] } : {}) };
    if (line.kind === 'info' && TLS_OK.test(both)) return { outcome: 'ok' };
  }
  if (startTlsAt < 0) return {};
  // No explicit note: a 220 to STARTTLS followed by a new EHLO means the handshake went through.
  const after = lines.slice(startTlsAt + 1);
  const ready = after.findIndex((l) => l.kind === 'reply' && replyCode(l.text) === 220);
  if (ready >= 0 && after.slice(ready + 1).some((l) => l.kind === 'command' && /^(EHLO|HELO)\b/i.test(l.text))) {
    return { outcome: 'ok' };
  }
  return {};
}

/** What one walk over a session's lines tells (buildSession): the first or last line of each interest. */
interface Walk {
  ehloLine?: SmtpLine;
  startTlsAt: number;
  lastReply?: SmtpLine;
  lastError?: SmtpLine;
  remoteHost?: string;
  observedClientIp?: string;
  worstCode: number;
  /** A 250 reply after a DATA/BDAT command. */
  delivered: boolean;
  connect: boolean;
  disconnect: boolean;
}

/**
 * One pass instead of one filter or search per fact (commands, replies, errors, status, completeness): the
 * same answers as the searches it replaces, each the first or last line that the search would have found.
 */
function walk(lines: readonly SmtpLine[], role: 'client' | 'server'): Walk {
  const w: Walk = { startTlsAt: -1, worstCode: 0, delivered: false, connect: false, disconnect: false };
  let afterData = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as SmtpLine;
    const kind = l.kind;
    if (kind === 'command') {
      if (!w.ehloLine && /^(EHLO|HELO)\s+\S/i.test(l.text)) w.ehloLine = l;
      if (w.startTlsAt < 0 && /^STARTTLS\b/i.test(l.text.trim())) w.startTlsAt = i;
      if (!afterData && /^(DATA|BDAT)\b/i.test(l.text)) afterData = true;
    } else if (kind === 'reply') {
      const code = replyCode(l.text) ?? 0;
      w.lastReply = l;
      if (code >= 400) w.lastError = l;
      if (code > w.worstCode) w.worstCode = code;
      if (afterData && code === 250) w.delivered = true;
      // Both read a 220 banner or a 250 greeting only (their patterns start so): others are passed over.
      if (role === 'client' && (code === 220 || code === 250)) {
        w.remoteHost ||= greetingHost(l.text);
        if (code === 250) w.observedClientIp ||= helloAddress(l.text);
      }
    } else if (kind === 'connect') w.connect = true;
    else if (kind === 'disconnect') w.disconnect = true;
  }
  return w;
}

function status(w: Walk, tlsOutcome: 'ok' | 'failed' | undefined): SessionStatus {
  if (w.worstCode >= 500) return 'rejected';
  if (w.worstCode >= 400) return 'deferred';
  if (tlsOutcome === 'failed') return 'tlsFailed';
  return w.delivered ? 'delivered' : 'unknown';
}

/** Works out the derived facts of a conversation: EHLO, STARTTLS, TLS outcome, certificates, final status. */
export function buildSession(draft: SessionDraft): SmtpSession {
  const { lines } = draft;
  const w = walk(lines, draft.role);
  const ehlo = w.ehloLine?.text.split(/\s+/)[1];
  const { outcome, error } = tls(lines, w.startTlsAt);
  const certs = certificates(draft);
  const final = w.lastError ?? w.lastReply;
  // The first reply that names a host / shows an address (walk stops looking once it has one).
  const remoteHost = draft.role === 'client' ? w.remoteHost : ehlo;
  const observedClientIp = draft.role === 'client' ? w.observedClientIp : undefined;
  // Built key by key in the order the session always had (reports and hashes see the same JSON): an optional
  // key is set or left out, rather than spread from a temporary object of its own.
  const s: Partial<Mutable<SmtpSession>> = { sessionId: draft.sessionId, role: draft.role };
  if (draft.localEndpoint) s.localEndpoint = draft.localEndpoint;
  if (draft.remoteEndpoint) s.remoteEndpoint = draft.remoteEndpoint;
  if (remoteHost) s.remoteHost = remoteHost;
  if (observedClientIp) s.observedClientIp = observedClientIp;
  if (draft.connector) s.connector = draft.connector;
  if (ehlo) s.ehlo = ehlo;
  s.startTls = w.startTlsAt >= 0;
  if (outcome) s.tlsOutcome = outcome;
  if (error) s.tlsError = error;
  if (certs.sent) s.certificateSent = certs.sent;
  if (certs.received) s.certificateReceived = certs.received;
  s.lines = lines;
  if (final) s.finalReply = final.text;
  s.status = status(w, outcome);
  s.complete = w.connect && w.disconnect;
  return s as SmtpSession;
}
