import type { CertificateRecord } from '../types';
import { identityOf, type AnchorIndex, type TrustStoreName } from './anchors';
import { couldIssue, namedInPool, type CertificatePool } from './pool';
import { verifySignature, type SignatureStatus } from './verify';

/** One certificate on a path; `fromStore` when it was not supplied but taken from the trust store. */
export interface PathNode {
  readonly record: CertificateRecord;
  readonly fromStore: boolean;
}

/**
 * A candidate certification path, leaf first. It ends at a trust anchor (`trusted`), at a self-signed
 * certificate the store does not hold (`selfSigned`), or at a certificate whose issuer nobody supplied
 * (`missingIssuer`). `links[i]` is the signature of `nodes[i]` checked with the key of `nodes[i + 1]`.
 */
export interface CandidatePath {
  readonly nodes: readonly PathNode[];
  readonly links: readonly SignatureStatus[];
  readonly end: 'trusted' | 'selfSigned' | 'missingIssuer';
  readonly store?: TrustStoreName;
}

const MAX_DEPTH = 12;
const MAX_PATHS = 64;
/** Name-only issuers tried at one step when no proper one exists (bounds the work on hostile sets). */
const MAX_LOOSE = 8;

interface Candidate {
  readonly record: CertificateRecord;
  readonly fromStore: boolean;
}

/** Certificates whose subject is `child`'s issuer name, from the pool and the anchors (never `child` itself unless self-signed). */
function namedIssuers(child: CertificateRecord, pool: CertificatePool, anchors: AnchorIndex): Candidate[] {
  const out = new Map<string, Candidate>();
  for (const e of namedInPool(pool, child)) {
    if (child.selfSigned && e.record.sha256 !== child.sha256) continue;
    out.set(e.record.sha256, { record: e.record, fromStore: false });
  }
  for (const a of anchors.bySubject.get(child.issuerKey) ?? []) {
    if (!out.has(a.record.sha256)) out.set(a.record.sha256, { record: a.record, fromStore: true });
  }
  return [...out.values()];
}

/**
 * The issuers to try for `child`. First those RFC 5280 allows (pool.ts couldIssue; an anchor is trusted as an
 * issuer by the user's choice, even without basic constraints). When there is none, the certificates that only
 * carry the issuer's name (not a CA, or another key identifier) are tried as well, so that the path reaches its
 * root and path validation says what is wrong with that issuer instead of "missing intermediate"; the walk keeps
 * them only when their key really signed `child`.
 */
function issuerCandidates(child: CertificateRecord, pool: CertificatePool, anchors: AnchorIndex): { strict: Candidate[]; loose: Candidate[] } {
  const named = namedIssuers(child, pool, anchors);
  const keyIdsAgree = (c: Candidate) => !child.authorityKeyId || !c.record.subjectKeyId || child.authorityKeyId === c.record.subjectKeyId;
  const strict = named.filter((c) => (c.fromStore ? keyIdsAgree(c) : couldIssue(c.record, child)));
  return { strict, loose: strict.length > 0 ? [] : named.slice(0, MAX_LOOSE) };
}

/**
 * Every path from `leaf` upwards through the pool and the anchors (RFC 4158 path building, depth-first,
 * bounded). Cross-signed and renewed CAs give several candidates per step; each becomes its own path, and
 * every signature on the way is verified (cached per pair).
 */
export async function buildPaths(
  leaf: CertificateRecord,
  pool: CertificatePool,
  anchors: AnchorIndex,
): Promise<CandidatePath[]> {
  const paths: CandidatePath[] = [];
  const walk = async (nodes: PathNode[], links: SignatureStatus[]): Promise<void> => {
    if (paths.length >= MAX_PATHS) return;
    const last = nodes[nodes.length - 1]!.record;
    const anchor = anchors.byIdentity.get(identityOf(last));
    if (anchor) {
      paths.push({ nodes, links, end: 'trusted', store: anchor.store });
      return;
    }
    if (last.selfSigned) {
      paths.push({ nodes, links, end: 'selfSigned' });
      return;
    }
    // A key already on the path ends the walk: cross-certificates can form loops.
    const seen = new Set(nodes.map((n) => identityOf(n.record)));
    const unseen = (list: Candidate[]) => list.filter((c) => !seen.has(identityOf(c.record)));
    const { strict, loose } = issuerCandidates(last, pool, anchors);
    const tried: Array<{ c: Candidate; status: SignatureStatus }> = [];
    if (nodes.length < MAX_DEPTH) {
      for (const c of unseen(strict)) tried.push({ c, status: await verifySignature(last, c.record) });
      for (const c of unseen(loose)) {
        const status = await verifySignature(last, c.record);
        if (status === 'valid') tried.push({ c, status });
      }
    }
    if (tried.length === 0) {
      paths.push({ nodes, links, end: 'missingIssuer' });
      return;
    }
    for (const { c, status } of tried) await walk([...nodes, c], [...links, status]);
  };
  await walk([{ record: leaf, fromStore: false }], []);
  return paths;
}
