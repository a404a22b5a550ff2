import { EKU } from '../../oids';
import { issuerIndices, isVettedRoot, lastIndex, type PathRule, type Violation } from '../path-rule';

/**
 * RFC 5280 §6.1.4 (k): every certificate that issued another must be a CA (basicConstraints cA=TRUE; v1/v2
 * certificates cannot say so and are refused unless they are the trust anchor). §6.1.4 (l)–(m): a CA's
 * pathLenConstraint bounds the non-self-issued intermediates below it. CryptoAPI applies both
 * (CERT_TRUST_INVALID_BASIC_CONSTRAINTS in CERT_TRUST_STATUS), to the root as well.
 */
export const basicConstraintsRule: PathRule = {
  ids: ['cert.issuerNotCa', 'cert.pathLengthExceeded', 'cert.leafIsCa'],
  check(p) {
    const out: Violation[] = [];
    for (const i of issuerIndices(p)) {
      const profile = p.profiles[i]!;
      if (isVettedRoot(p, i)) continue;
      const bc = profile.basicConstraints?.value;
      const anchorV1 = i === lastIndex(p) && p.path.end === 'trusted' && profile.record.version < 3;
      if (!anchorV1 && !bc?.ca) {
        out.push({ id: 'cert.issuerNotCa', index: i, params: { version: profile.record.version, hasBasicConstraints: !!profile.basicConstraints } });
      }
    }
    for (const i of issuerIndices(p)) {
      const limit = p.profiles[i]!.basicConstraints?.value?.pathLength;
      if (limit === undefined) continue;
      let below = 0;
      for (let j = 1; j < i; j++) if (!p.profiles[j]!.selfIssued) below++;
      if (below > limit) out.push({ id: 'cert.pathLengthExceeded', index: i, params: { pathLength: limit, below } });
    }
    // CA/B Forum BRs 7.1.2.7.8: a server's own certificate MUST NOT be a CA. Judged only on a leaf that acts as
    // a server's (its key may not sign certificates, or it is meant for TLS servers): a CA certificate checked on
    // its own, as the last one of a bundle, is not a server's (limbo pathlen::validation-ignores-pathlen-in-leaf).
    const leaf = p.profiles[0]!;
    const ku = leaf.keyUsage?.value;
    const actsAsServer = (ku !== null && ku !== undefined && !ku.has('keyCertSign')) || (leaf.extKeyUsage?.value ?? []).includes(EKU.serverAuth);
    if (p.profiles.length > 1 && !leaf.record.selfSigned && leaf.basicConstraints?.value?.ca && actsAsServer) {
      out.push({ id: 'cert.leafIsCa', index: 0 });
    }
    return out;
  },
};
