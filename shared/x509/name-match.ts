import type { CertificateRecord } from './types';
import { parseIp, sameBytes } from './validate/hostname';

/**
 * Exchange Online's comparison of an inbound connector's TlsSenderCertificateName with the certificate
 * (domain.md §1.4, §2): the name is compared case-insensitively with the CN and every SAN DNS name; the
 * connector value may carry a wildcard only as a leading `*.` (then it covers the domain and all its
 * subdomains); a certificate wildcard `*.x` covers exactly one label under x.
 */
function clean(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** False for names Exchange Online refuses: empty, an embedded or partial wildcard, empty labels. */
export function isValidConnectorName(name: string): boolean {
  const n = clean(name);
  const body = n.startsWith('*.') ? n.slice(2) : n;
  if (!body || body.includes('*')) return false;
  return body.split('.').every((label) => label.length > 0 && label.length <= 63);
}

function certNameMatches(certName: string, connector: string): boolean {
  const c = clean(certName);
  const n = clean(connector);
  if (n.startsWith('*.')) {
    const base = n.slice(2);
    // Any certificate name at or below the domain, including the certificate's own `*.sub.base`.
    return c === base || c.endsWith('.' + base);
  }
  if (c === n) return true;
  if (c.startsWith('*.')) {
    const rest = c.slice(2);
    // A wildcard directly over a top-level domain (`*.com`) covers nothing: no CA may issue one (BRs 3.2.2.6).
    if (!rest.includes('.')) return false;
    const dot = n.indexOf('.');
    return dot > 0 && n.slice(dot + 1) === rest;
  }
  return false;
}

export interface NameMatch {
  readonly matches: boolean;
  /** The CN or SAN entry that matched. */
  readonly matchedBy?: string;
  /** The connector name itself is one Exchange Online would refuse. */
  readonly invalidName: boolean;
}

type NamedCertificate = Pick<CertificateRecord, 'commonNames' | 'dnsNames'> & Partial<Pick<CertificateRecord, 'ipAddresses'>>;

/** An expected name that is an IP address is compared with the SAN iPAddress entries only (RFC 6125 §6.2, RFC 2818 §3.1). */
function ipMatch(cert: NamedCertificate, name: string): NameMatch | null {
  const wanted = parseIp(name.trim());
  if (!wanted) return null;
  const matchedBy = (cert.ipAddresses ?? []).find((ip) => {
    const have = parseIp(ip);
    return have !== null && sameBytes(have, wanted);
  });
  return matchedBy !== undefined ? { matches: true, matchedBy, invalidName: false } : { matches: false, invalidName: false };
}

export function connectorNameMatch(cert: NamedCertificate, name: string): NameMatch {
  const ip = ipMatch(cert, name);
  if (ip) return ip;
  if (!isValidConnectorName(name)) return { matches: false, invalidName: true };
  const matchedBy = [...cert.commonNames, ...cert.dnsNames].find((c) => certNameMatches(c, name));
  return matchedBy !== undefined ? { matches: true, matchedBy, invalidName: false } : { matches: false, invalidName: false };
}

/** True when the certificate's CN or a SAN satisfies the connector's TlsSenderCertificateName. */
export function matchesConnectorName(cert: Pick<CertificateRecord, 'commonNames' | 'dnsNames'>, name: string): boolean {
  return connectorNameMatch(cert, name).matches;
}
