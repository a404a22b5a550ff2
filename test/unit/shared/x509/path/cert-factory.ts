import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { decodeCertificate } from '../../../../../shared/x509/decode-certificate';
import type { CertificateRecord } from '../../../../../shared/x509/types';
import { bits, bool, concat, ctx, type Der, ia5, int, name, octets, oid, seq, time, CN, utf8 } from './der-builder';

/** A key pair for test certificates: ECDSA P-256, fast to make and to sign with. */
export interface TestKey {
  readonly privateKey: KeyObject;
  readonly spki: Der;
}

export function newKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey, spki: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })) };
}

/** One key for tests that do not care whose key it is (signing stays valid; identifiers come from the names). */
export const SHARED_KEY = newKey();

export interface Extension {
  readonly oid: string;
  readonly critical?: boolean;
  readonly value: Der;
}

export interface TestCertificate {
  readonly der: Der;
  readonly record: CertificateRecord;
  readonly key: TestKey;
  readonly subject: Der;
  readonly ski: Der;
}

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

export interface CertificateSpec {
  readonly subject: Der;
  /** The issuer; the certificate is self-signed when absent. */
  readonly issuer?: TestCertificate;
  readonly key?: TestKey;
  readonly serial?: Der;
  readonly version?: 1 | 3;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** Extensions in order; `defaults` adds SKI and (unless self-signed) AKI first. */
  readonly extensions?: readonly Extension[];
  readonly defaults?: boolean;
  /** The signature AlgorithmIdentifier inside tbsCertificate, when it must differ from the outer one. */
  readonly tbsSignatureAlgorithm?: Der;
  /** The issuer name written into the certificate, when it must differ from the issuer's subject. */
  readonly issuerName?: Der;
  /** The key identifier written into the AKI, when it must differ from the issuer's SKI. */
  readonly authorityKeyId?: Der;
}

export const skiOf = (key: TestKey, subject: Der): Der =>
  new Uint8Array(createHash('sha1').update(key.spki).update(subject).digest());

let serialCounter = 1;

/** Builds, signs (ECDSA P-256, SHA-256) and decodes one certificate. */
export function makeCertificate(spec: CertificateSpec): TestCertificate {
  const key = spec.key ?? SHARED_KEY;
  const ski = skiOf(key, spec.subject);
  const issuerKey = spec.issuer?.key ?? key;
  const defaults: Extension[] = spec.defaults === false ? [] : [
    { oid: '2.5.29.14', value: octets(ski) },
    ...(spec.issuer ? [{ oid: '2.5.29.35', value: seq(ctx(0, false, spec.authorityKeyId ?? spec.issuer.ski)) }] : []),
  ];
  const extensions = [...defaults, ...(spec.extensions ?? [])];
  const version = spec.version ?? 3;
  const tbs = seq(
    ...(version === 3 ? [ctx(0, true, int(2))] : []),
    spec.serial ? int(spec.serial) : int(serialCounter++),
    spec.tbsSignatureAlgorithm ?? ECDSA_SHA256,
    spec.issuerName ?? spec.issuer?.subject ?? spec.subject,
    seq(time(spec.notBefore ?? new Date('2025-01-01T00:00:00Z')), time(spec.notAfter ?? new Date('2045-01-01T00:00:00Z'))),
    spec.subject,
    key.spki,
    ...(version === 3 && extensions.length > 0
      ? [ctx(3, true, seq(...extensions.map((e) => seq(oid(e.oid), ...(e.critical ? [bool(true)] : []), octets(e.value)))))]
      : []),
  );
  const signature = new Uint8Array(sign('sha256', tbs, { key: issuerKey.privateKey, dsaEncoding: 'der' }));
  const der = seq(tbs, ECDSA_SHA256, bits(signature));
  const decoded = decodeCertificate(der);
  if (!decoded.ok) throw new Error(`test certificate does not decode: ${decoded.error.code}`);
  return { der, record: decoded.value, key, subject: spec.subject, ski };
}

// Extension values (RFC 5280 §4.2.1).
export const ext = {
  basicConstraints: (ca: boolean, pathLength?: number, critical = true): Extension => ({
    oid: '2.5.29.19', critical, value: seq(...(ca ? [bool(true)] : []), ...(pathLength !== undefined ? [int(pathLength)] : [])),
  }),
  keyUsage: (usages: readonly string[], critical = true): Extension => {
    const order = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign'];
    let byte = 0;
    for (const u of usages) byte |= 0x80 >> order.indexOf(u);
    return { oid: '2.5.29.15', critical, value: bits(Uint8Array.of(byte), 1) };
  },
  extKeyUsage: (oids: readonly string[], critical = false): Extension => ({ oid: '2.5.29.37', critical, value: seq(...oids.map(oid)) }),
  subjectAltName: (names: readonly Der[], critical = false): Extension => ({ oid: '2.5.29.17', critical, value: seq(...names) }),
  nameConstraints: (permitted: readonly Der[] | null, excluded: readonly Der[] | null = null, critical = true): Extension => ({
    oid: '2.5.29.30', critical,
    value: seq(
      ...(permitted ? [ctx(0, true, ...permitted.map((b) => seq(b)))] : []),
      ...(excluded ? [ctx(1, true, ...excluded.map((b) => seq(b)))] : []),
    ),
  }),
  certificatePolicies: (oids: readonly string[]): Extension => ({ oid: '2.5.29.32', value: seq(...oids.map((o) => seq(oid(o)))) }),
  policyConstraints: (requireExplicitPolicy?: number, inhibitPolicyMapping?: number): Extension => ({
    oid: '2.5.29.36', critical: true,
    value: seq(
      ...(requireExplicitPolicy !== undefined ? [ctx(0, false, int(requireExplicitPolicy).subarray(2))] : []),
      ...(inhibitPolicyMapping !== undefined ? [ctx(1, false, int(inhibitPolicyMapping).subarray(2))] : []),
    ),
  }),
  raw: (oidText: string, value: Der, critical = false): Extension => ({ oid: oidText, critical, value }),
};

// GeneralName forms (RFC 5280 §4.2.1.6), for SANs and name-constraint bases.
export const gn = {
  dns: (s: string): Der => ctx(2, false, ia5(s)),
  email: (s: string): Der => ctx(1, false, ia5(s)),
  uri: (s: string): Der => ctx(6, false, ia5(s)),
  ip: (...octetsOf: number[]): Der => ctx(7, false, Uint8Array.from(octetsOf)),
  directory: (n: Der): Der => ctx(4, true, n),
};

/** The usual shapes, so that each test states only what it is about. */
export const EKU_SERVER = '1.3.6.1.5.5.7.3.1';
export const EKU_CLIENT = '1.3.6.1.5.5.7.3.2';

export function root(subject = 'Test Root', extra: readonly Extension[] = [], key = newKey()): TestCertificate {
  return makeCertificate({ subject: name([CN, subject]), key,
    extensions: [ext.basicConstraints(true), ext.keyUsage(['keyCertSign', 'cRLSign']), ...extra] });
}

export function intermediate(issuer: TestCertificate, subject = 'Test Intermediate', extra: readonly Extension[] = [],
  options: { pathLength?: number; key?: TestKey } = {}): TestCertificate {
  return makeCertificate({ subject: name([CN, subject]), issuer, key: options.key ?? newKey(),
    extensions: [ext.basicConstraints(true, options.pathLength), ext.keyUsage(['keyCertSign', 'cRLSign']), ...extra] });
}

export function leaf(issuer: TestCertificate, host = 'relay.contoso.com', extra: readonly Extension[] = [],
  spec: Partial<CertificateSpec> = {}): TestCertificate {
  return makeCertificate({ subject: name([CN, host]), issuer,
    extensions: [ext.keyUsage(['digitalSignature']), ext.extKeyUsage([EKU_SERVER, EKU_CLIENT]), ext.subjectAltName([gn.dns(host)]), ...extra],
    ...spec });
}

export { concat, utf8 };
