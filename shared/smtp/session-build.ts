import type { LoggedCertificate, SessionStatus, SmtpLine, SmtpSession } from './types';
import { greetingHost, helloAddress, replyCode } from './reply';

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

function status(lines: readonly SmtpLine[], tlsOutcome: 'ok' | 'failed' | undefined): SessionStatus {
  const codes = lines.filter((l) => l.kind === 'reply').map((l) => replyCode(l.text) ?? 0);
  if (codes.some((c) => c >= 500)) return 'rejected';
  if (codes.some((c) => c >= 400)) return 'deferred';
  if (tlsOutcome === 'failed') return 'tlsFailed';
  let afterData = false;
  for (const l of lines) {
    if (l.kind === 'command' && /^(DATA|BDAT)\b/i.test(l.text)) afterData = true;
    else if (afterData && l.kind === 'reply' && replyCode(l.text) === 250) return 'delivered';
  }
  return 'unknown';
}

function firstOf(lines: readonly SmtpLine[], read: (text: string) => string | undefined): string | undefined {
  for (const line of lines) {
    const value = read(line.text);
    if (value) return value;
  }
  return undefined;
}

/** Works out the derived facts of a conversation: EHLO, STARTTLS, TLS outcome, certificates, final status. */
export function buildSession(draft: SessionDraft): SmtpSession {
  const { lines } = draft;
  const commands = lines.filter((l) => l.kind === 'command');
  const replies = lines.filter((l) => l.kind === 'reply');
  const ehloLine = commands.find((l) => /^(EHLO|HELO)\s+\S/i.test(l.text));
  const ehlo = ehloLine?.text.split(/\s+/)[1];
  const startTlsAt = lines.findIndex((l) => l.kind === 'command' && /^STARTTLS\b/i.test(l.text.trim()));
  const { outcome, error } = tls(lines, startTlsAt);
  const certs = certificates(draft);
  const errors = replies.filter((l) => (replyCode(l.text) ?? 0) >= 400);
  const final = errors.at(-1) ?? replies.at(-1);
  // The first reply that names a host / shows an address: stop there rather than reading every reply.
  const remoteHost = draft.role === 'client' ? firstOf(replies, greetingHost) : ehlo;
  const observedClientIp = draft.role === 'client' ? firstOf(replies, helloAddress) : undefined;
  const complete = lines.some((l) => l.kind === 'connect') && lines.some((l) => l.kind === 'disconnect');
  return {
    sessionId: draft.sessionId,
    role: draft.role,
    ...(draft.localEndpoint ? { localEndpoint: draft.localEndpoint } : {}),
    ...(draft.remoteEndpoint ? { remoteEndpoint: draft.remoteEndpoint } : {}),
    ...(remoteHost ? { remoteHost } : {}),
    ...(observedClientIp ? { observedClientIp } : {}),
    ...(draft.connector ? { connector: draft.connector } : {}),
    ...(ehlo ? { ehlo } : {}),
    startTls: startTlsAt >= 0,
    ...(outcome ? { tlsOutcome: outcome } : {}),
    ...(error ? { tlsError: error } : {}),
    ...(certs.sent ? { certificateSent: certs.sent } : {}),
    ...(certs.received ? { certificateReceived: certs.received } : {}),
    lines,
    ...(final ? { finalReply: final.text } : {}),
    status: status(lines, outcome),
    complete,
  };
}
