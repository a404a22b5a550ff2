import { KNOWN_EXTENSIONS } from '../../profile/known-extensions';
import type { CertificateProfile, ExtensionView } from '../../profile/certificate-profile';
import { isVettedRoot, leafIsServerCertificate, type PathRule, type Violation } from '../path-rule';

const nameOf = (oid: string) => KNOWN_EXTENSIONS[oid]?.name ?? oid;

/** Extensions whose criticality RFC 5280 or the BRs fix, and what it must be for this certificate. */
const CRITICALITY: ReadonlyArray<{
  readonly extension: string;
  readonly view: (p: CertificateProfile) => ExtensionView<unknown> | undefined;
  /** The criticality it must have here; undefined when either is fine. */
  readonly must: (p: CertificateProfile, isLeaf: boolean) => boolean | undefined;
}> = [
  // RFC 5280 §4.2.1.9: CA certificates MUST mark basicConstraints critical.
  { extension: 'basicConstraints', view: (p) => p.basicConstraints, must: (p, leaf) => (!leaf && p.basicConstraints?.value?.ca ? true : undefined) },
  // §4.2.1.1, §4.2.1.2, §4.2.2.1: MUST be non-critical.
  { extension: 'authorityKeyIdentifier', view: (p) => p.authorityKeyId, must: () => false },
  { extension: 'subjectKeyIdentifier', view: (p) => p.subjectKeyId, must: () => false },
  { extension: 'authorityInfoAccess', view: (p) => p.authorityInfoAccess, must: () => false },
  // §4.2.1.6: critical when the subject is empty; BRs 7.1.2.7.12: otherwise MUST NOT be critical.
  { extension: 'subjectAltName', view: (p) => p.subjectAltName, must: (p) => p.subjectEmpty },
  // §4.2.1.11 and §4.2.1.14: policyConstraints and inhibitAnyPolicy MUST be critical.
  { extension: 'policyConstraints', view: (p) => p.policyConstraints, must: () => true },
  { extension: 'inhibitAnyPolicy', view: (p) => p.inhibitAnyPolicy, must: () => true },
  // BRs 7.1.2.7.10 (subscriber certificates): extKeyUsage MUST NOT be critical.
  { extension: 'extKeyUsage', view: (p) => p.extKeyUsage, must: (_p, leaf) => (leaf ? false : undefined) },
];

/**
 * RFC 5280 §4.2: a critical extension the validator does not understand makes the certificate unusable
 * (CryptoAPI: CERT_TRUST_HAS_NOT_SUPPORTED_CRITICAL_EXT), an extension may appear once, and a known extension
 * must decode (CERT_TRUST_INVALID_EXTENSION). Criticality that RFC 5280 or the BRs fix is checked too.
 * Roots from the runtime stores are exempt (path-rule.ts isVettedRoot).
 */
export const extensionsRule: PathRule = {
  ids: ['cert.unknownCriticalExtension', 'cert.duplicateExtension', 'cert.extensionMalformed', 'cert.extensionCriticality'],
  check(p) {
    const out: Violation[] = [];
    p.profiles.forEach((profile, i) => {
      if (isVettedRoot(p, i)) return;
      for (const oid of profile.unknownCriticalExtensions) out.push({ id: 'cert.unknownCriticalExtension', index: i, params: { oid } });
      for (const oid of profile.duplicateExtensions) out.push({ id: 'cert.duplicateExtension', index: i, params: { extension: nameOf(oid) } });
      // A malformed SAN is reported by the names rule, in words about names.
      for (const extension of profile.malformedExtensions.filter((e) => e !== 'subjectAltName')) {
        out.push({ id: 'cert.extensionMalformed', index: i, params: { extension } });
      }
      for (const rule of CRITICALITY) {
        const view = rule.view(profile);
        const must = view ? rule.must(profile, i === 0 && leafIsServerCertificate(p)) : undefined;
        if (view && must !== undefined && view.critical !== must) {
          out.push({ id: 'cert.extensionCriticality', index: i, params: { extension: rule.extension, marked: view.critical ? 'critical' : 'nonCritical' } });
        }
      }
    });
    return out;
  },
};
