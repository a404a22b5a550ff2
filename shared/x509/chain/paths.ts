import type { CertificateRecord } from '../types';
import { identityOf, type AnchorIndex, type TrustStoreName } from './anchors';
import { couldIssue, type CertificatePool } from './pool';
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

interface Candidate {
  readonly record: CertificateRecord;
  readonly fromStore: boolean;
}

function issuerCandidates(child: CertificateRecord, pool: CertificatePool, anchors: AnchorIndex): Candidate[] {
  const out = new Map<string, Candidate>();
  for (const e of pool.bySubject.get(child.issuerKey) ?? []) {
    if (couldIssue(e.record, child)) out.set(e.record.sha256, { record: e.record, fromStore: false });
  }
  // An anchor is trusted as an issuer by the user's choice, even without basic constraints.
  for (const a of anchors.bySubject.get(child.issuerKey) ?? []) {
    const keyIdsAgree = !child.authorityKeyId || !a.record.subjectKeyId || child.authorityKeyId === a.record.subjectKeyId;
    if (!out.has(a.record.sha256) && keyIdsAgree) {
      out.set(a.record.sha256, { record: a.record, fromStore: true });
    }
  }
  return [...out.values()];
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
    const candidates = issuerCandidates(last, pool, anchors).filter((c) => !seen.has(identityOf(c.record)));
    if (candidates.length === 0 || nodes.length >= MAX_DEPTH) {
      paths.push({ nodes, links, end: 'missingIssuer' });
      return;
    }
    for (const c of candidates) {
      const status = await verifySignature(last, c.record);
      await walk([...nodes, c], [...links, status]);
    }
  };
  await walk([{ record: leaf, fromStore: false }], []);
  return paths;
}
