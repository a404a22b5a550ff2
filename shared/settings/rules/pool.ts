import type { AnalysisContext } from '../../model/analyzer';
import { evidenceOfKind, type Evidence } from '../../model/evidence';
import type { Finding } from '../../model/finding';
import type { SmtpSession } from '../../smtp/types';
import { mergeSessions } from '../../smtp/rules/merge-sessions';
import { mentionsExchangeOnline } from '../../smtp/reply';
import type { CertificateRecord } from '../../x509/types';
import type { AcceptedDomain, ExchangeCertificate, InboundConnector, SendConnector } from '../types';
import { commonNamesOf, parseTlsCertificateName, sameDn } from '../dn';

/** A certificate as far as name matching needs it, whichever evidence described it. */
export interface KnownCertificate {
  readonly label: string;
  readonly thumbprint?: string;
  readonly subject?: string;
  readonly issuer?: string;
  readonly notAfter?: string;
  readonly commonNames: readonly string[];
  readonly dnsNames: readonly string[];
  readonly refs: readonly string[];
}

/** Everything the settings rules look at, gathered once from all evidence. */
export interface Pool {
  readonly inbound: readonly InboundConnector[];
  readonly send: readonly SendConnector[];
  readonly exchangeCertificates: readonly ExchangeCertificate[];
  readonly acceptedDomains: readonly AcceptedDomain[];
  readonly certificateFiles: readonly CertificateRecord[];
  /** Client sessions that reached Exchange Online (protocol logs, IIS logs). */
  readonly sessionsToEop: readonly SmtpSession[];
  /** The certificate(s) that are sent, from the best source available (see `sentCertificates`). */
  readonly sent: readonly KnownCertificate[];
}

export type SettingsRule = (pool: Pool, context: AnalysisContext) => Finding[];

function fromExchange(c: ExchangeCertificate): KnownCertificate {
  return {
    label: c.subject ?? c.thumbprint,
    thumbprint: c.thumbprint,
    ...(c.subject ? { subject: c.subject } : {}),
    ...(c.issuer ? { issuer: c.issuer } : {}),
    ...(c.notAfter ? { notAfter: c.notAfter } : {}),
    commonNames: commonNamesOf(c.subject),
    dnsNames: c.certificateDomains ?? [],
    refs: [c.ref],
  };
}

function fromRecord(c: CertificateRecord): KnownCertificate {
  return {
    label: c.subject,
    thumbprint: c.sha1,
    subject: c.subject,
    issuer: c.issuer,
    notAfter: c.notAfter,
    commonNames: c.commonNames,
    dnsNames: c.dnsNames,
    refs: [`cert:${c.sha1}`],
  };
}

/** Exchange certificates and certificate files whose issuer and subject match `<I>…<S>…`. */
export function certificatesNamedBy(pool: Pick<Pool, 'exchangeCertificates' | 'certificateFiles'>, tlsCertificateName: string): KnownCertificate[] {
  const parsed = parseTlsCertificateName(tlsCertificateName);
  if (!parsed) return [];
  const all = [...pool.exchangeCertificates.map(fromExchange), ...pool.certificateFiles.map(fromRecord)];
  return all.filter((c) => c.subject && c.issuer && sameDn(c.subject, parsed.subject) && sameDn(c.issuer, parsed.issuer));
}

/**
 * What goes over the wire, most direct evidence first: the certificate a protocol log shows being sent to
 * Exchange Online; else the certificate the Send connector to EOP names; else the leaf certificates given.
 */
function sentCertificates(pool: Omit<Pool, 'sent'>): KnownCertificate[] {
  const logged = new Map<string, KnownCertificate>();
  for (const s of pool.sessionsToEop) {
    const c = s.certificateSent;
    if (!c || (!c.subject && !c.dnsNames)) continue;
    const key = c.thumbprint ?? c.subject ?? '';
    if (!logged.has(key)) {
      logged.set(key, {
        label: c.subject ?? c.thumbprint ?? '',
        ...(c.thumbprint ? { thumbprint: c.thumbprint } : {}),
        ...(c.subject ? { subject: c.subject } : {}),
        ...(c.issuer ? { issuer: c.issuer } : {}),
        commonNames: commonNamesOf(c.subject),
        dnsNames: c.dnsNames ?? [],
        refs: c.refs.slice(0, 3),
      });
    }
  }
  if (logged.size > 0) return [...logged.values()];
  const toEop = pool.send.filter((c) => c.tlsCertificateName && (c.smartHosts ?? []).some(mentionsExchangeOnline));
  const named = toEop.flatMap((c) => certificatesNamedBy(pool, c.tlsCertificateName ?? ''));
  if (named.length > 0) return named;
  return pool.certificateFiles.filter((c) => !c.isCa).map(fromRecord);
}

export function buildPool(evidence: readonly Evidence[]): Pool {
  const settings = evidenceOfKind(evidence, 'settings');
  const sessions = mergeSessions(evidenceOfKind(evidence, 'smtpLog'));
  const base = {
    inbound: settings.flatMap((s) => s.inboundConnectors),
    send: settings.flatMap((s) => s.sendConnectors),
    exchangeCertificates: settings.flatMap((s) => s.exchangeCertificates),
    acceptedDomains: settings.flatMap((s) => s.acceptedDomains),
    certificateFiles: evidenceOfKind(evidence, 'certificates').flatMap((e) => e.certificates),
    sessionsToEop: sessions.filter(
      (s) => s.role === 'client' && ((s.remoteHost && mentionsExchangeOnline(s.remoteHost)) || s.lines.some((l) => l.kind === 'reply' && mentionsExchangeOnline(l.text))),
    ),
  };
  return { ...base, sent: sentCertificates(base) };
}

export function isOnPremisesOrUnknown(c: InboundConnector): boolean {
  return c.connectorType === undefined || c.connectorType.toLowerCase() === 'onpremises';
}

export function isExpired(notAfter: string | undefined, now: Date): boolean {
  if (!notAfter) return false;
  const t = Date.parse(notAfter);
  return !Number.isNaN(t) && t < now.getTime();
}
