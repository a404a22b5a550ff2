import type { CertificateReport, ChainReport } from '../../../shared/model/report';

export type NodeStatus = 'ok' | 'expired' | 'untrusted' | 'unknown';

/**
 * Where a certificate of the path came from: on the wire from the server (a probe), from the admin's files, or
 * from the trust store (neither). A root the server sends is marked as not needed: a root is never sent.
 * `trusted` is a root the admin trusted for this case (`--trust`, "Trust this root"): theirs, not a store's.
 * null for reports written before the engine told the two apart.
 */
export type NodeOrigin = 'sent' | 'sentRoot' | 'supplied' | 'store' | 'trusted' | null;

/** One box of the chain picture: a certificate we have, or the gap where a missing issuer belongs. */
export type ChainNode =
  | {
      readonly type: 'certificate';
      readonly role: 'leaf' | 'intermediate' | 'root';
      readonly status: NodeStatus;
      readonly origin: NodeOrigin;
      readonly cert: CertificateReport | null;
      readonly sha1: string;
    }
  | { readonly type: 'missing'; readonly issuer: string; readonly aiaUrls: readonly string[] };

function statusOf(cert: CertificateReport | null, chain: ChainReport, isTop: boolean, at: Date): NodeStatus {
  if (!cert) return 'unknown';
  if (new Date(cert.notAfter) < at || new Date(cert.notBefore) > at) return 'expired';
  if (chain.status === 'untrusted' && isTop) return 'untrusted';
  return 'ok';
}

function originOf(chain: ChainReport, sha1: string, role: 'leaf' | 'intermediate' | 'root', isTop: boolean): NodeOrigin {
  // The anchor of a chain judged against the admin's own roots is one of them.
  if (isTop && role === 'root' && chain.trustStore === 'user') return 'trusted';
  if (!chain.sentByServer && !chain.supplied) return null;
  const has = (list: readonly string[] | undefined) => (list ?? []).some((s) => s.toUpperCase() === sha1.toUpperCase());
  if (has(chain.sentByServer)) return role === 'root' ? 'sentRoot' : 'sent';
  if (has(chain.supplied)) return 'supplied';
  return 'store';
}

/** True when the chain is the one a server sent in a probe (what is on the wire), not one built from files. */
export function isSentChain(chain: ChainReport): boolean {
  return (chain.sentByServer?.length ?? 0) > 0;
}

/**
 * Turns a chain of the report into the boxes the picture draws, leaf first. An incomplete chain ends in a
 * `missing` node naming the issuer that was not sent and where it can be downloaded (AIA).
 */
export function layoutChain(chain: ChainReport, certificates: readonly CertificateReport[], validationTime: Date): ChainNode[] {
  const bySha1 = new Map(certificates.map((c) => [c.sha1, c]));
  const path = chain.path.length > 0 ? chain.path : [chain.leaf];
  const nodes: ChainNode[] = path.map((sha1, i) => {
    const cert = bySha1.get(sha1) ?? null;
    const isTop = i === path.length - 1;
    const role = i === 0 ? 'leaf' : isTop && cert?.selfSigned ? 'root' : 'intermediate';
    const status = statusOf(cert, chain, isTop, validationTime);
    return { type: 'certificate', role, status, origin: originOf(chain, sha1, role, isTop), cert, sha1 };
  });
  if (chain.status === 'incomplete') {
    nodes.push({ type: 'missing', issuer: chain.missingIssuer ?? '', aiaUrls: chain.aiaUrls ?? [] });
  }
  return nodes;
}

/** The common name of a DN, or the whole DN when it has none. */
export function commonName(dn: string): string {
  const cn = /(?:^|,\s*)CN=((?:\\,|[^,])+)/.exec(dn);
  return cn?.[1]?.replace(/\\,/g, ',') ?? dn;
}
