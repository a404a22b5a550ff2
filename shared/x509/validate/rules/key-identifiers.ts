import { isRoot, isVettedRoot, lastIndex, type PathRule, type Violation } from '../path-rule';

/**
 * RFC 5280 §4.2.1.1: every certificate but a self-signed one MUST carry an authority key identifier;
 * §4.2.1.2: every CA certificate MUST carry a subject key identifier. BRs 7.1.2.1.3: a root's AKI, when present,
 * holds only the keyIdentifier and it equals the root's SKI. CryptoAPI builds paths without them (by name), so
 * Windows is more lenient here; these follow RFC 5280 and the BRs because a CA that omits them does not issue
 * to the profile Microsoft's root program requires of its CAs (the BRs), and other receivers refuse such chains.
 */
export const keyIdentifiersRule: PathRule = {
  ids: ['cert.authorityKeyIdMissing', 'cert.authorityKeyIdMismatch', 'cert.subjectKeyIdMissing', 'cert.rootAuthorityKeyIdInvalid'],
  check(p) {
    const out: Violation[] = [];
    p.profiles.forEach((profile, i) => {
      if (isVettedRoot(p, i)) return;
      const isCa = i > 0 || (profile.basicConstraints?.value?.ca ?? false);
      if (!isRoot(p, i) && !(i === 0 && profile.record.selfSigned) && !profile.authorityKeyId) out.push({ id: 'cert.authorityKeyIdMissing', index: i });
      if (isCa && !profile.subjectKeyId) out.push({ id: 'cert.subjectKeyIdMissing', index: i });
      const aki = profile.authorityKeyId?.value;
      const issuerSki = p.profiles[i + 1]?.subjectKeyId?.value;
      // The issuer was found by name and its key signed this certificate, but the key identifiers disagree:
      // CryptoAPI and OpenSSL match issuers by key identifier when both are present, and do not find it.
      if (aki?.keyId && issuerSki && aki.keyId !== issuerSki && i < lastIndex(p)) {
        out.push({ id: 'cert.authorityKeyIdMismatch', index: i, params: { authorityKeyId: aki.keyId, issuerSubjectKeyId: issuerSki,
          issuer: p.profiles[i + 1]!.record.subject } });
      }
      if (isRoot(p, i) && aki) {
        const ski = profile.subjectKeyId?.value;
        if (!aki.keyId || aki.hasIssuer || aki.hasSerial || (ski && aki.keyId !== ski)) {
          out.push({ id: 'cert.rootAuthorityKeyIdInvalid', index: i,
            params: { keyIdentifier: !!aki.keyId, issuerAndSerial: aki.hasIssuer || aki.hasSerial, matchesSki: !!ski && aki.keyId === ski } });
        }
      }
    });
    return out;
  },
};
