/** Object identifiers the certificate code names, grouped by source. Unknown OIDs are shown as `OID.x.y.z`. */

// RFC 5280 §4.2 certificate extensions
export const EXT = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  crlDistributionPoints: '2.5.29.31',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
} as const;

// RFC 5280 §4.2.1.12 extended key usages (and the Microsoft ones admins meet)
export const EKU = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  any: '2.5.29.37.0',
} as const;

export const EKU_NAMES: Readonly<Record<string, string>> = {
  '1.3.6.1.5.5.7.3.1': 'Server Authentication',
  '1.3.6.1.5.5.7.3.2': 'Client Authentication',
  '1.3.6.1.5.5.7.3.3': 'Code Signing',
  '1.3.6.1.5.5.7.3.4': 'Secure Email',
  '1.3.6.1.5.5.7.3.8': 'Time Stamping',
  '1.3.6.1.5.5.7.3.9': 'OCSP Signing',
  '1.3.6.1.4.1.311.10.3.3': 'Microsoft Server Gated Crypto',
  '2.16.840.1.113730.4.1': 'Netscape Server Gated Crypto',
  '2.5.29.37.0': 'Any Purpose',
};

// RFC 5280 §4.2.2.1 access methods
export const AD_CA_ISSUERS = '1.3.6.1.5.5.7.48.2';
export const AD_OCSP = '1.3.6.1.5.5.7.48.1';

/** Signature algorithms: display name and the hash that decides weakness (cert.weakSignature). */
export const SIGNATURE_ALGORITHMS: Readonly<Record<string, { name: string; hash: string }>> = {
  '1.2.840.113549.1.1.2': { name: 'md2RSA', hash: 'MD2' },
  '1.2.840.113549.1.1.4': { name: 'md5RSA', hash: 'MD5' },
  '1.2.840.113549.1.1.5': { name: 'sha1RSA', hash: 'SHA-1' },
  '1.2.840.113549.1.1.11': { name: 'sha256RSA', hash: 'SHA-256' },
  '1.2.840.113549.1.1.12': { name: 'sha384RSA', hash: 'SHA-384' },
  '1.2.840.113549.1.1.13': { name: 'sha512RSA', hash: 'SHA-512' },
  '1.2.840.113549.1.1.10': { name: 'RSASSA-PSS', hash: 'SHA-256' },
  '1.2.840.10040.4.3': { name: 'sha1DSA', hash: 'SHA-1' },
  '1.2.840.10045.4.1': { name: 'sha1ECDSA', hash: 'SHA-1' },
  '1.2.840.10045.4.3.2': { name: 'sha256ECDSA', hash: 'SHA-256' },
  '1.2.840.10045.4.3.3': { name: 'sha384ECDSA', hash: 'SHA-384' },
  '1.2.840.10045.4.3.4': { name: 'sha512ECDSA', hash: 'SHA-512' },
  '1.3.101.112': { name: 'Ed25519', hash: 'SHA-512' },
};

export const WEAK_HASHES: ReadonlySet<string> = new Set(['MD2', 'MD5', 'SHA-1']);

// Public key algorithms (RFC 3279, RFC 5480, RFC 8410)
export const KEY_RSA = '1.2.840.113549.1.1.1';
export const KEY_RSA_PSS = '1.2.840.113549.1.1.10';
export const KEY_EC = '1.2.840.10045.2.1';
export const EC_CURVE_BITS: Readonly<Record<string, { name: string; bits: number }>> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256 },
  '1.3.132.0.34': { name: 'P-384', bits: 384 },
  '1.3.132.0.35': { name: 'P-521', bits: 521 },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256 },
  '1.2.840.10045.3.1.1': { name: 'P-192', bits: 192 },
  '1.3.132.0.33': { name: 'P-224', bits: 224 },
};
export const OTHER_KEYS: Readonly<Record<string, { name: string; bits: number }>> = {
  '1.3.101.112': { name: 'Ed25519', bits: 256 },
  '1.3.101.113': { name: 'Ed448', bits: 448 },
  '1.2.840.10040.4.1': { name: 'DSA', bits: 0 },
};

// CMS / PKCS#7 / PKCS#12 content and bag types (RFC 5652, RFC 7292)
export const CMS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  encryptedData: '1.2.840.113549.1.7.6',
} as const;
export const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
} as const;
export const X509_CERT_TYPE = '1.2.840.113549.1.9.22.1';
export const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';
export const PBES2 = '1.2.840.113549.1.5.13';

/**
 * Attribute names as Windows prints a distinguished name (CertNameToStr, X500 format), because the
 * `<I>issuer<S>subject` string of Set-SendConnector must match what Exchange shows character for character.
 */
export const DN_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'S',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.42': 'G',
  '2.5.4.43': 'I',
  '2.5.4.17': 'PostalCode',
  '2.5.4.13': 'Description',
  '2.5.4.46': 'dnQualifier',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.25': 'DC',
};
