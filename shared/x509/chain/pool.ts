import type { CertificateEvidence, CertificateRecord } from '../types';

/** One distinct certificate of all inputs (duplicates across files merged), with the files that held it. */
export interface PoolEntry {
  readonly record: CertificateRecord;
  readonly sources: string[];
}

export interface CertificatePool {
  readonly entries: readonly PoolEntry[];
  readonly bySha256: ReadonlyMap<string, PoolEntry>;
  readonly bySubject: ReadonlyMap<string, readonly PoolEntry[]>;
}

/** Pools the certificates of every certificate evidence; the order of inputs does not matter downstream. */
export function buildPool(evidence: readonly CertificateEvidence[]): CertificatePool {
  const bySha256 = new Map<string, PoolEntry>();
  for (const ev of evidence) {
    for (const record of ev.certificates) {
      const entry = bySha256.get(record.sha256);
      if (!entry) bySha256.set(record.sha256, { record, sources: [ev.source] });
      else if (!entry.sources.includes(ev.source)) entry.sources.push(ev.source);
    }
  }
  // Sorted by thumbprint so that everything after this point is independent of input order.
  const entries = [...bySha256.values()].sort((a, b) => (a.record.sha256 < b.record.sha256 ? -1 : 1));
  const bySubject = new Map<string, PoolEntry[]>();
  for (const e of entries) {
    const list = bySubject.get(e.record.subjectKey) ?? [];
    list.push(e);
    bySubject.set(e.record.subjectKey, list);
  }
  return { entries, bySha256, bySubject };
}

/**
 * RFC 5280 §4.2.1.1 and §6.1.4 (k): names must match, key identifiers too when both certificates carry
 * them, and the issuer must be a CA (v1/v2 certificates have no basic constraints and are let through).
 * A self-signed certificate is issued by itself only.
 */
export function couldIssue(issuer: CertificateRecord, child: CertificateRecord): boolean {
  if (issuer.subjectKey !== child.issuerKey) return false;
  if (!issuer.isCa && issuer.version >= 3) return false;
  if (child.selfSigned && issuer.sha256 !== child.sha256) return false;
  if (child.authorityKeyId && issuer.subjectKeyId) return child.authorityKeyId === issuer.subjectKeyId;
  return true;
}

/**
 * A self-signed certificate that is really a server's own: it names a host (SAN DNS name, or a CN with a
 * dot and no spaces) or allows TLS usage. `openssl req -x509` marks such certificates CA:TRUE by default.
 */
function looksLikeServer(r: CertificateRecord): boolean {
  const cnHost = r.commonNames.some((cn) => cn.includes('.') && !/\s/.test(cn));
  const tls = r.eku?.some((o) => o === '1.3.6.1.5.5.7.3.1' || o === '1.3.6.1.5.5.7.3.2') ?? false;
  return r.dnsNames.length > 0 || cnHost || tls;
}

/**
 * End entities: certificates that issued nothing in the pool and are not CAs. When only CA certificates
 * were given (an admin checking an intermediate, or a self-signed server certificate marked CA), the ones
 * that issued nothing and are not roots — or are self-signed but look like a server's.
 */
export function endEntities(pool: CertificatePool): PoolEntry[] {
  const issuers = new Set<string>();
  for (const child of pool.entries) {
    for (const cand of pool.bySubject.get(child.record.issuerKey) ?? []) {
      if (cand !== child && couldIssue(cand.record, child.record)) issuers.add(cand.record.sha256);
    }
  }
  const notIssuers = pool.entries.filter((e) => !issuers.has(e.record.sha256));
  const leaves = notIssuers.filter((e) => !e.record.isCa);
  return leaves.length ? leaves : notIssuers.filter((e) => !e.record.selfSigned || looksLikeServer(e.record));
}
