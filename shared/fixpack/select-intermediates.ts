import type { Evidence } from '../model/evidence';
import { evidenceOfKind } from '../model/evidence';
import type { ChainReport } from '../model/report';
import type { CertificateRecord } from '../x509/types';

/** Every certificate in the evidence by thumbprint (first occurrence wins: they are the same DER). */
export function certificatesBySha1(evidence: readonly Evidence[]): Map<string, CertificateRecord> {
  const all = new Map<string, CertificateRecord>();
  for (const e of evidenceOfKind(evidence, 'certificates')) {
    for (const c of e.certificates) if (!all.has(c.sha1.toUpperCase())) all.set(c.sha1.toUpperCase(), c);
  }
  return all;
}

/**
 * The intermediates the server must hold in LocalMachine\CA so that Schannel sends them (KB 3212877): the
 * certificates between the leaf and the root on each reported chain, that we actually have the DER of.
 * Roots are left out on purpose — they are not sent and belong in the Root store, not CA — and so are
 * certificates that belong to no chain (chain.unrelatedCertificate): the script imports exactly what the
 * path needs, nothing else.
 */
export function selectIntermediates(chains: readonly ChainReport[], evidence: readonly Evidence[]): CertificateRecord[] {
  const bySha1 = certificatesBySha1(evidence);
  const intermediate = (c: CertificateRecord | undefined): c is CertificateRecord => !!c && c.isCa && !c.selfSigned;
  const picked = new Map<string, CertificateRecord>();
  for (const chain of chains) {
    for (const sha1 of chain.path.slice(1)) {
      const cert = bySha1.get(sha1.toUpperCase());
      if (intermediate(cert)) picked.set(cert.sha1.toUpperCase(), cert);
    }
    // A chain judged before the missing issuer was fetched (AIA download) names it only by subject: take
    // it from the evidence by that name, and its own issuers the same way, a few levels up at most.
    let missing = chain.missingIssuer;
    for (let level = 0; missing && level < 5; level++) {
      const found = [...bySha1.values()].find((c) => c.subject === missing && intermediate(c));
      if (!found || picked.has(found.sha1.toUpperCase())) break;
      picked.set(found.sha1.toUpperCase(), found);
      missing = found.issuer;
    }
  }
  return [...picked.values()];
}
