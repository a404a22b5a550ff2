import { EKU, EKU_NAMES } from '../../oids';

const named = (oids: readonly string[]) => oids.map((o) => EKU_NAMES[o] ?? o);
import { issuerIndices, isRoot, isVettedRoot, leafIsServerCertificate, type PathRule, type Violation } from '../path-rule';

/**
 * RFC 5280 §6.1.4 (n): an issuer whose keyUsage is present must assert keyCertSign; §4.2.1.3: a certificate
 * that asserts keyCertSign must be a CA. Extended key usage: the leaf, when it restricts its purposes, must
 * allow TLS server authentication (RFC 5280 §4.2.1.12; the leaf's anyExtendedKeyUsage is forbidden by the
 * CA/B Forum BRs 7.1.2.7.10). CA certificates with an EKU restrict the whole chain: CryptoAPI intersects the
 * EKUs of the path and sets CERT_TRUST_IS_NOT_VALID_FOR_USAGE when the purpose falls out
 * (https://learn.microsoft.com/en-us/windows/win32/api/wincrypt/ns-wincrypt-cert_trust_status), which is
 * stricter than RFC 5280 (which ignores a CA's EKU) and the same as the BRs 7.1.2.2; this follows Windows.
 * A root MUST NOT carry an EKU at all (BRs 7.1.2.1.2): followed for roots outside the runtime stores.
 */
export const keyUsageRule: PathRule = {
  ids: ['cert.keyCertSignMissing', 'cert.leafKeyCertSign', 'cert.ekuNotServerAuth', 'cert.leafAnyEku', 'cert.caEkuMismatch', 'cert.rootHasEku'],
  check(p) {
    const out: Violation[] = [];
    for (const i of issuerIndices(p)) {
      if (isVettedRoot(p, i)) continue;
      const profile = p.profiles[i]!;
      const ku = profile.keyUsage?.value;
      if (ku && !ku.has('keyCertSign')) out.push({ id: 'cert.keyCertSignMissing', index: i, params: { keyUsage: [...ku] } });
      const eku = profile.extKeyUsage?.value;
      if (eku && isRoot(p, i)) out.push({ id: 'cert.rootHasEku', index: i });
      else if (eku && !eku.includes(EKU.serverAuth) && !eku.includes(EKU.any)) {
        out.push({ id: 'cert.caEkuMismatch', index: i, params: { eku: named(eku) } });
      }
    }
    const leaf = p.profiles[0]!;
    const leafKu = leaf.keyUsage?.value;
    if (leafKu?.has('keyCertSign') && !leaf.basicConstraints?.value?.ca) out.push({ id: 'cert.leafKeyCertSign', index: 0 });
    const leafEku = leafIsServerCertificate(p) ? leaf.extKeyUsage?.value : undefined;
    if (leafEku && !leafEku.includes(EKU.serverAuth) && !leafEku.includes(EKU.any)) {
      out.push({ id: 'cert.ekuNotServerAuth', index: 0, params: { eku: named(leafEku) } });
    }
    if (leafEku?.includes(EKU.any) && !leaf.record.selfSigned) out.push({ id: 'cert.leafAnyEku', index: 0 });
    return out;
  },
};
