import * as v from './extension-values';

/**
 * The extensions Relay Doctor understands, with their strict decoder. RFC 5280 §4.2: a certificate with a
 * critical extension the validator does not recognise MUST be rejected; one it recognises but cannot decode is
 * rejected too. Decoders that only check the shape (CRL distribution points, SCTs) are there so that a critical
 * one is "understood", as CryptoAPI understands them.
 */
export const KNOWN_EXTENSIONS: Readonly<Record<string, { readonly name: string; readonly decode: (value: Uint8Array) => unknown }>> = {
  '2.5.29.14': { name: 'subjectKeyIdentifier', decode: v.subjectKeyIdValue },
  '2.5.29.15': { name: 'keyUsage', decode: v.keyUsageValue },
  '2.5.29.17': { name: 'subjectAltName', decode: v.subjectAltNameValue },
  '2.5.29.18': { name: 'issuerAltName', decode: v.subjectAltNameValue },
  '2.5.29.19': { name: 'basicConstraints', decode: v.basicConstraintsValue },
  '2.5.29.30': { name: 'nameConstraints', decode: v.nameConstraintsValue },
  '2.5.29.31': { name: 'cRLDistributionPoints', decode: (x) => v.whole(x, 0x30) },
  '2.5.29.32': { name: 'certificatePolicies', decode: v.certificatePoliciesValue },
  '2.5.29.33': { name: 'policyMappings', decode: v.policyMappingsValue },
  '2.5.29.35': { name: 'authorityKeyIdentifier', decode: v.authorityKeyIdValue },
  '2.5.29.36': { name: 'policyConstraints', decode: v.policyConstraintsValue },
  '2.5.29.37': { name: 'extKeyUsage', decode: v.extKeyUsageValue },
  '2.5.29.46': { name: 'freshestCRL', decode: (x) => v.whole(x, 0x30) },
  '2.5.29.54': { name: 'inhibitAnyPolicy', decode: v.inhibitAnyPolicyValue },
  '1.3.6.1.5.5.7.1.1': { name: 'authorityInfoAccess', decode: v.accessDescriptionsValue },
  '1.3.6.1.5.5.7.1.11': { name: 'subjectInfoAccess', decode: v.accessDescriptionsValue },
  // RFC 6962 signed certificate timestamps and the precertificate poison (both OCTET STRING wrapped).
  '1.3.6.1.4.1.11129.2.4.2': { name: 'signedCertificateTimestampList', decode: (x) => v.whole(x, 0x04) },
  '1.3.6.1.5.5.7.48.1.5': { name: 'ocspNoCheck', decode: (x) => v.whole(x, 0x05) },
  // Microsoft's own, which CryptoAPI understands when critical (certificate template, CA version, application policies).
  '1.3.6.1.4.1.311.20.2': { name: 'msCertificateTemplateName', decode: (x) => readAny(x) },
  '1.3.6.1.4.1.311.21.1': { name: 'msCaVersion', decode: (x) => readAny(x) },
  '1.3.6.1.4.1.311.21.7': { name: 'msCertificateTemplate', decode: (x) => v.whole(x, 0x30) },
  '1.3.6.1.4.1.311.21.10': { name: 'msApplicationPolicies', decode: (x) => v.whole(x, 0x30) },
  // Netscape certificate type, still on old intermediates, understood by CryptoAPI.
  '2.16.840.1.113730.1.1': { name: 'netscapeCertType', decode: (x) => v.whole(x, 0x03) },
};

function readAny(x: Uint8Array): true | null {
  return x.length > 0 ? true : null;
}
