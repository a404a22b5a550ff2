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
  /** By subject and subject key identifier (`subjectKey#SKI`): the issuer an AKI names, without scanning its name's bucket. */
  readonly bySubjectAndKeyId: ReadonlyMap<string, readonly PoolEntry[]>;
}

/**
 * How many same-named certificates one lookup considers. A name shared by thousands of certificates (a hostile
 * or generated set) would otherwise make every lookup scan them all, and the whole analysis quadratic.
 */
export const MAX_NAMED_CANDIDATES = 32;

const keyIdIndex = (subjectKey: string, keyId: string) => `${subjectKey}#${keyId}`;

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
  const bySubjectAndKeyId = new Map<string, PoolEntry[]>();
  const add = (map: Map<string, PoolEntry[]>, key: string, e: PoolEntry) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  for (const e of entries) {
    add(bySubject, e.record.subjectKey, e);
    if (e.record.subjectKeyId) add(bySubjectAndKeyId, keyIdIndex(e.record.subjectKey, e.record.subjectKeyId), e);
  }
  return { entries, bySha256, bySubject, bySubjectAndKeyId };
}

/**
 * The pool's certificates that carry `child`'s issuer name, those whose SKI is `child`'s AKI first, at most
 * MAX_NAMED_CANDIDATES of them (in thumbprint order, so the choice does not depend on input order).
 */
export function namedInPool(pool: CertificatePool, child: CertificateRecord): readonly PoolEntry[] {
  const byKey = child.authorityKeyId ? (pool.bySubjectAndKeyId.get(keyIdIndex(child.issuerKey, child.authorityKeyId)) ?? []) : [];
  const byName = pool.bySubject.get(child.issuerKey) ?? [];
  if (byKey.length === 0 && byName.length <= MAX_NAMED_CANDIDATES) return byName;
  const out = new Set<PoolEntry>(byKey.slice(0, MAX_NAMED_CANDIDATES));
  for (const e of byName) {
    if (out.size >= MAX_NAMED_CANDIDATES) break;
    out.add(e);
  }
  return [...out];
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
    // A self-signed certificate is issued by itself only (couldIssue): no lookup.
    if (child.record.selfSigned) continue;
    for (const cand of namedInPool(pool, child.record)) {
      if (cand !== child && couldIssue(cand.record, child.record)) issuers.add(cand.record.sha256);
    }
  }
  const notIssuers = pool.entries.filter((e) => !issuers.has(e.record.sha256));
  const leaves = notIssuers.filter((e) => !e.record.isCa);
  return leaves.length ? leaves : notIssuers.filter((e) => !e.record.selfSigned || looksLikeServer(e.record));
}
