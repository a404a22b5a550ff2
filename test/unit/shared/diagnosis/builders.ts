import type { Finding, Params, Severity } from '../../../../shared/model/finding';
import type { Evidence } from '../../../../shared/model/evidence';
import type { CertificateRecord, CertificateEvidence } from '../../../../shared/x509/types';
import type { InboundConnector, SendConnector, ExchangeCertificate, SettingsEvidence } from '../../../../shared/settings/types';
import type { SmtpLogEvidence, SmtpSession } from '../../../../shared/smtp/types';
import type { DiagnosisInput } from '../../../../shared/diagnosis/cause-rule';
import type { Answers } from '../../../../shared/model/answers';
import type { ChainReport } from '../../../../shared/model/report';

/**
 * Builders for diagnosis inputs. Findings follow the findings.md contract (ids, severities) the analyzers
 * produce; evidence follows the shared/model types the readers produce.
 */

const SEVERITY: Record<string, Severity> = { 'cert.noClientAuthEku': 'medium', 'cert.weakSignature': 'high', 'cert.weakKey': 'high' };

export function finding(id: string, params: Params = {}, evidence: string[] = ['input.txt']): Finding {
  return { id, severity: SEVERITY[id] ?? 'critical', confidence: id === 'cert.noClientAuthEku' ? 'possible' : 'certain', params, evidence };
}

export const LEAF_SHA1 = 'AA11BB22CC33DD44EE55FF6600112233445566AA';
export const INTERMEDIATE_SHA1 = 'BB11BB22CC33DD44EE55FF6600112233445566BB';
export const ROOT_SHA1 = 'CC11BB22CC33DD44EE55FF6600112233445566CC';

export function cert(overrides: Partial<CertificateRecord> = {}): CertificateRecord {
  return {
    sha1: LEAF_SHA1,
    sha256: '00',
    derBase64: '',
    subject: 'CN=mail.contoso.com',
    issuer: 'CN=Contoso Issuing CA 1',
    subjectKey: 'cn=mail.contoso.com',
    issuerKey: 'cn=contoso issuing ca 1',
    serial: '01',
    version: 3,
    notBefore: '2026-01-01T00:00:00Z',
    notAfter: '2027-01-01T00:00:00Z',
    dnsNames: ['mail.contoso.com'],
    ipAddresses: [],
    commonNames: ['mail.contoso.com'],
    eku: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'],
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    isCa: false,
    selfSigned: false,
    aiaCaIssuers: [],
    ocspUrls: [],
    crlUrls: [],
    signatureAlgorithm: 'sha256RSA',
    signatureAlgorithmOid: '1.2.840.113549.1.1.11',
    signatureHash: 'SHA-256',
    publicKey: { algorithm: 'RSA', bits: 2048 },
    spkiSha256: '00',
    sendConnectorName: '<I>CN=Contoso Issuing CA 1<S>CN=mail.contoso.com',
    ...overrides,
  };
}

export function certificates(certs: CertificateRecord[], origin: CertificateEvidence['origin'] = 'file', source = 'chain.pem'): CertificateEvidence {
  return { kind: 'certificates', id: source, source, origin, certificates: certs };
}

type NoRef<T> = Omit<T, 'ref'>;

/** Settings evidence as the settings reader gives it: every item keeps `<file>#record:<n>`. */
export function settings(parts: {
  inbound?: NoRef<InboundConnector>[];
  send?: NoRef<SendConnector>[];
  certs?: NoRef<ExchangeCertificate>[];
  accepted?: string[];
  source?: string;
}): SettingsEvidence {
  const source = parts.source ?? 'settings.txt';
  let n = 0;
  const ref = () => `${source}#record:${++n}`;
  return {
    kind: 'settings',
    id: source,
    source,
    format: 'list',
    inboundConnectors: (parts.inbound ?? []).map((c) => ({ ...c, ref: ref() })),
    sendConnectors: (parts.send ?? []).map((c) => ({ ...c, ref: ref() })),
    exchangeCertificates: (parts.certs ?? []).map((c) => ({ ...c, ref: ref() })),
    acceptedDomains: (parts.accepted ?? []).map((domainName) => ({ domainName, domainType: 'Authoritative', ref: ref() })),
  };
}

export const CERT_CONNECTOR: NoRef<InboundConnector> = {
  name: 'From on-prem',
  enabled: true,
  connectorType: 'OnPremises',
  tlsSenderCertificateName: '*.contoso.com',
};
export const IP_CONNECTOR: NoRef<InboundConnector> = {
  name: 'Relay by IP',
  enabled: true,
  connectorType: 'OnPremises',
  senderIpAddresses: ['198.51.100.25'],
};

let line = 0;
/**
 * An outbound session (the relay is the client) that sends MAIL FROM and gets `reply` to RCPT TO, the
 * place where EOP answers 5.7.64. Lines point into `file`.
 */
export function session(from: string, reply: string, file = 'SEND20240514-1.LOG'): SmtpSession {
  const n = ++line * 10;
  const at = (k: number) => ({ line: n + k, ref: `${file}#L${n + k}` });
  return {
    sessionId: `s${n}`,
    role: 'client',
    startTls: true,
    tlsOutcome: 'ok',
    lines: [
      { ...at(0), direction: 'sent', kind: 'command', text: `MAIL FROM:<${from}> SIZE=20511` },
      { ...at(1), direction: 'received', kind: 'reply', text: '250 2.1.0 Sender OK' },
      { ...at(2), direction: 'sent', kind: 'command', text: 'RCPT TO:<someone@fabrikam.example>' },
      { ...at(3), direction: 'received', kind: 'reply', text: reply },
    ],
    finalReply: reply,
    status: /^[45]/.test(reply) ? 'rejected' : 'delivered',
    complete: true,
  };
}

export function smtpLog(sessions: SmtpSession[], format: SmtpLogEvidence['format'] = 'exchangeSend', source = 'SEND20240514-1.LOG'): SmtpLogEvidence {
  return { kind: 'smtpLog', id: source, source, format, sessions };
}

export const REFUSED = '550 5.7.64 TenantAttribution; Relay Access Denied [AM6EUR05FT012.eop-eur05.prod.protection.outlook.com]';
export const ACCEPTED = '250 2.1.5 Recipient OK';

export function input(findings: Finding[], evidence: Evidence[] = [], answers: Answers = {}, chains: ChainReport[] = []): DiagnosisInput {
  return { findings, evidence, answers, chains };
}
