import { evidenceOfKind, type Evidence } from '../../model/evidence';
import type { SmtpSession } from '../../smtp/types';
import { endpointHost, enhancedCodes, mentionsExchangeOnline, replyCode } from '../../smtp/reply';

/**
 * One outbound SMTP session as the diagnosis weighs it (domain.md §11.1 "Session"): the protocol log's session id
 * ties a "Sending certificate" line, a TLS failure and a refusal together, so a cause rests on the sessions that
 * failed, and a session accepted with the same certificate from the same source is counter-evidence.
 */
export interface SessionFact {
  /** `<log>#<session id>`. */
  readonly key: string;
  readonly log: string;
  readonly id: string;
  /** Every line reference of the session (findings point at lines). */
  readonly refs: readonly string[];
  /** The sending server's own address (local endpoint), when the log has it. */
  readonly source?: string;
  /** The name the server greeted with (EHLO): the Send connector's FQDN, not always the server's name. */
  readonly ehlo?: string;
  readonly toEop: boolean;
  /** STARTTLS was issued (and, with `tls` ok, TLS came up). */
  readonly startTls: boolean;
  readonly certificate?: { readonly thumbprint?: string; readonly subject?: string };
  readonly at?: string;
  readonly outcome: 'accepted' | 'refused' | 'deferred' | 'tlsFailed' | 'unknown';
  /** Enhanced status codes of 4xx/5xx replies, plus EOP's ATTR keywords (`ATTR36`, `ATTR35`). */
  readonly codes: readonly string[];
  readonly noCredentials: boolean;
  /** P1 MAIL FROM address ('' for the null sender), when the log shows the command. */
  readonly mailFrom?: string;
  /** How many sessions this one stands for (identical sessions folded on large analyses). */
  readonly weight: number;
}

const MAIL_FROM = /MAIL\b.{0,4}?FROM:\s*<([^>]*)>/i;
const ATTR = /\bATTR(\d+)\b/gi;

export function sessionFacts(evidence: readonly Evidence[]): SessionFact[] {
  const out: SessionFact[] = [];
  for (const log of evidenceOfKind(evidence, 'smtpLog')) {
    for (const s of log.sessions) if (s.role === 'client') out.push(fact(log.source, s));
  }
  return out;
}

function fact(log: string, s: SmtpSession): SessionFact {
  const codes: string[] = [];
  let mailFrom: string | undefined;
  let at: string | undefined;
  let noCredentials = /NoCredentials/i.test(s.tlsError ?? '');
  for (const line of s.lines) {
    at ??= line.timestamp;
    if (line.direction === 'sent' && mailFrom === undefined) {
      const m = MAIL_FROM.exec(line.text);
      if (m) mailFrom = (m[1] ?? '').trim();
    }
    if (/TLS negotiation failed with error NoCredentials/i.test(line.text)) noCredentials = true;
    if (line.kind !== 'reply') continue;
    // IIS W3C logs write spaces as `+` (`550+5.7.64+TenantAttribution`).
    const text = /^\d{3}\+/.test(line.text) ? line.text.replace(/\+/g, ' ') : line.text;
    const code = replyCode(text);
    if (code === undefined || code < 400) continue;
    for (const c of enhancedCodes(text)) if (!codes.includes(c)) codes.push(c);
    for (const m of text.matchAll(ATTR)) if (!codes.includes(`ATTR${m[1]}`)) codes.push(`ATTR${m[1]}`);
  }
  const toEop =
    (s.remoteHost !== undefined && mentionsExchangeOnline(s.remoteHost)) ||
    s.lines.some((l) => l.kind === 'reply' && mentionsExchangeOnline(l.text)) ||
    codes.some((c) => c === '5.7.64' || c.startsWith('ATTR'));
  const cert = s.certificateSent;
  const source = endpointHost(s.localEndpoint);
  return {
    key: `${log}#${s.sessionId}`,
    log,
    id: s.sessionId,
    refs: s.lines.map((l) => l.ref),
    ...(source ? { source } : {}),
    ...(s.ehlo ? { ehlo: s.ehlo } : {}),
    toEop,
    startTls: s.startTls,
    ...(cert && (cert.thumbprint || cert.subject)
      ? { certificate: { ...(cert.thumbprint ? { thumbprint: cert.thumbprint.toUpperCase() } : {}), ...(cert.subject ? { subject: cert.subject } : {}) } }
      : {}),
    ...(at ? { at } : {}),
    outcome: outcomeOf(s, noCredentials),
    codes,
    noCredentials,
    ...(mailFrom !== undefined ? { mailFrom } : {}),
    weight: 1 + (s.alike ?? 0),
  };
}

function outcomeOf(s: SmtpSession, noCredentials: boolean): SessionFact['outcome'] {
  if (s.status === 'delivered') return 'accepted';
  if (s.status === 'rejected') return 'refused';
  if (s.status === 'tlsFailed' || noCredentials) return 'tlsFailed';
  if (s.status === 'deferred') return 'deferred';
  return 'unknown';
}

/** Refused by EOP with 5.7.64 (either variant). */
export function refusedAttribution(s: SessionFact): boolean {
  return s.codes.includes('5.7.64');
}

/** The two sessions presented the same certificate (thumbprint, else subject); both without one also count. */
export function sameCertificate(a: SessionFact, b: SessionFact): boolean {
  const x = a.certificate;
  const y = b.certificate;
  if (!x || !y) return !x && !y;
  if (x.thumbprint && y.thumbprint) return x.thumbprint === y.thumbprint;
  return x.subject !== undefined && x.subject === y.subject;
}

/** The two sessions left from the same server address (unknown on either side counts as the same). */
export function sameSource(a: SessionFact, b: SessionFact): boolean {
  return !a.source || !b.source || a.source === b.source;
}

/** The domain of a mail address, lower-case ('' for the null sender). */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1).toLowerCase() : '';
}
