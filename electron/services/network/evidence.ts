import type { CertificateEvidence, CertificateFormat, CertificateRecord } from '../../../shared/x509/types';
import type { Result } from '../../../shared/result';
import { decodeCertificate } from '../../../shared/x509/index';
import type { ProbeResult } from './probe-smtp';
import type { FetchedIssuer } from './aia/fetch-issuer';

/** The certificate engine's decoder; `decodeCertificate` from shared/x509 unless a caller passes another. */
export type DecodeCertificate = (der: Uint8Array) => Result<CertificateRecord, { readonly code: string }>;

export interface EvidenceConversion {
  readonly evidence: CertificateEvidence;
  /** Certificates the decoder refused (left out of the evidence; a server should never send such bytes). */
  readonly undecodable: number;
}

function records(ders: readonly Uint8Array[], decode: DecodeCertificate): { certificates: CertificateRecord[]; undecodable: number } {
  const certificates: CertificateRecord[] = [];
  let undecodable = 0;
  for (const der of ders) {
    const r = decode(der);
    if (r.ok) certificates.push(r.value);
    else undecodable++;
  }
  return { certificates, undecodable };
}

/**
 * The server's certificate list as evidence, in the order the server sent it, so chain.wrongOrder and
 * chain.missingIntermediate judge what the server really presents. It is the RECEIVING side's chain: a stand-in
 * for the chain the server sends when it relays (the UI says so via `network.probe.standIn`).
 */
export function probeEvidence(probe: ProbeResult, decode: DecodeCertificate = decodeCertificate): EvidenceConversion {
  const where = `${probe.host}:${String(probe.port)}`;
  const { certificates, undecodable } = records(probe.certificates, decode);
  const evidence: CertificateEvidence = {
    kind: 'certificates',
    id: `probe:${where}`,
    source: `probe:${where}`,
    origin: 'probe',
    // A TLS Certificate message is an ordered DER list: order is meaningful, as in a DER/PEM bundle.
    format: 'der',
    certificates,
    origin_detail: where,
  };
  return { evidence, undecodable };
}

/** A verified issuer downloaded from an AIA URL, as evidence "downloaded from <url>". */
export function downloadEvidence(fetched: FetchedIssuer, decode: DecodeCertificate = decodeCertificate): EvidenceConversion {
  const { certificates, undecodable } = records([fetched.issuerDer], decode);
  const format: CertificateFormat = fetched.contentKind;
  const evidence: CertificateEvidence = {
    kind: 'certificates',
    id: `download:${fetched.url}`,
    source: fetched.url,
    origin: 'download',
    format,
    certificates,
    origin_detail: fetched.url,
  };
  return { evidence, undecodable };
}
