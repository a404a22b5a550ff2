import type { CertificateEvidence, CertificateRecord } from '../x509/types';
import type { Evidence } from '../model/evidence';
import type { Report } from '../model/report';
import { decodeCertificate } from '../x509/decode-certificate';
import { fromBase64 } from '../x509/bytes';

/**
 * Certificates a network check brought back, as plain data that crosses IPC and the worker boundary. Main only
 * moves bytes; they are decoded into evidence by `captureEvidence` inside the analysis worker, where all
 * untrusted input is parsed (style.md §3.2).
 */
export interface NetworkCapture {
  /** `probe:<host>:<port>` or the download URL: the evidence id and source, and the name in the evidence list. */
  readonly source: string;
  readonly origin: 'probe' | 'download';
  readonly format: 'der' | 'pem' | 'pkcs7';
  /** host:port of a probe, the URL of a download. */
  readonly originDetail: string;
  /** DER, Base64, in the order received (a TLS Certificate message's order matters for chain.wrongOrder). */
  readonly certificatesBase64: readonly string[];
}

/** A capture as certificate evidence (origin probe/download); bytes that do not decode are left out. */
export function captureEvidence(capture: NetworkCapture): CertificateEvidence {
  const certificates: CertificateRecord[] = [];
  for (const b64 of capture.certificatesBase64) {
    const der = fromBase64(b64);
    const r = der ? decodeCertificate(der) : null;
    if (r?.ok) certificates.push(r.value);
  }
  return {
    kind: 'certificates',
    id: `${capture.origin}:${capture.source}`,
    source: capture.source,
    origin: capture.origin,
    format: capture.format,
    certificates,
    origin_detail: capture.originDetail,
  };
}

/** A certificate whose issuer is missing from an incomplete chain, with the AIA URLs that name that issuer. */
export interface AiaChild {
  readonly derBase64: string;
  readonly aiaUrls: readonly string[];
}

/**
 * For "Download missing intermediates": the certificate at the open end of every incomplete chain that has
 * AIA caIssuers URLs. Computed next to the evidence (the report carries no DER), so main can check that a
 * download really signed it.
 */
export function aiaChildren(evidence: readonly Evidence[], report: Report): AiaChild[] {
  const bySha1 = new Map<string, CertificateRecord>();
  for (const e of evidence) if (e.kind === 'certificates') for (const c of e.certificates) bySha1.set(c.sha1, c);
  const out = new Map<string, AiaChild>();
  for (const chain of report.chains) {
    const top = chain.path[chain.path.length - 1];
    const record = top === undefined ? undefined : bySha1.get(top);
    if (chain.status !== 'incomplete' || !record || record.aiaCaIssuers.length === 0) continue;
    out.set(record.sha1, { derBase64: record.derBase64, aiaUrls: record.aiaCaIssuers });
  }
  return [...out.values()];
}
