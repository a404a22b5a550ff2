import type { CertificateRecord } from '../types';
import type { RawCertificate } from '../parse/x509';
import { parseName, type NameAttribute } from '../name';
import { rawOf } from '../chain/parsed-cache';
import { KNOWN_EXTENSIONS } from './known-extensions';
import type * as V from './extension-values';
import type { GeneralName } from './general-names';

/** One extension as path validation sees it: criticality and the decoded value (null: present but malformed). */
export interface ExtensionView<T> {
  readonly critical: boolean;
  readonly value: T | null;
}

/**
 * Everything path validation reads from one certificate, decoded once (RFC 5280 §4): the extensions with
 * their criticality, strictly decoded, and the names that name constraints apply to.
 */
export interface CertificateProfile {
  readonly record: CertificateRecord;
  readonly raw: RawCertificate;
  /** OIDs present more than once (RFC 5280 §4.2: MUST NOT). */
  readonly duplicateExtensions: readonly string[];
  readonly unknownCriticalExtensions: readonly string[];
  /** Known extensions whose value does not decode, by name. */
  readonly malformedExtensions: readonly string[];
  readonly basicConstraints?: ExtensionView<V.BasicConstraintsValue>;
  readonly keyUsage?: ExtensionView<ReadonlySet<string>>;
  readonly extKeyUsage?: ExtensionView<string[]>;
  readonly subjectAltName?: ExtensionView<GeneralName[]>;
  readonly nameConstraints?: ExtensionView<V.NameConstraintsValue>;
  readonly authorityKeyId?: ExtensionView<V.AuthorityKeyIdValue>;
  readonly subjectKeyId?: ExtensionView<string>;
  readonly authorityInfoAccess?: ExtensionView<true>;
  readonly certificatePolicies?: ExtensionView<string[]>;
  readonly policyConstraints?: ExtensionView<V.PolicyConstraintsValue>;
  readonly policyMappings?: ExtensionView<Array<readonly [string, string]>>;
  readonly inhibitAnyPolicy?: ExtensionView<number>;
  readonly subjectAttributes: readonly NameAttribute[];
  readonly subjectEmpty: boolean;
  readonly issuerEmpty: boolean;
  /** Subject and issuer are the same name (RFC 5280 §6.1: "self-issued"), whatever the key. */
  readonly selfIssued: boolean;
}

type Views = Record<string, ExtensionView<unknown>>;

const cache = new Map<string, CertificateProfile | null>();
// Leaves are validated once per analysis; the cache pays off for the CAs many paths share, so it stays small.
const MAX_ENTRIES = 4_096;

/** An empty Name is the DER SEQUENCE with no RDN: `30 00`. */
const isEmptyName = (der: Uint8Array) => der.length === 2 && der[1] === 0;

function build(record: CertificateRecord, raw: RawCertificate): CertificateProfile {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const unknownCritical: string[] = [];
  const malformed: string[] = [];
  const views: Views = {};
  for (const ext of raw.extensions) {
    if (seen.has(ext.oid)) {
      duplicates.add(ext.oid);
      continue;
    }
    seen.add(ext.oid);
    const known = KNOWN_EXTENSIONS[ext.oid];
    if (!known) {
      if (ext.critical) unknownCritical.push(ext.oid);
      continue;
    }
    let value: unknown;
    try {
      value = known.decode(ext.value);
    } catch {
      value = null;
    }
    if (value === null) malformed.push(known.name);
    views[known.name] = { critical: ext.critical, value };
  }
  const profile: CertificateProfile = {
    record,
    raw,
    duplicateExtensions: [...duplicates],
    unknownCriticalExtensions: unknownCritical,
    malformedExtensions: malformed,
    subjectAttributes: parseName(raw.subject).attributes,
    subjectEmpty: isEmptyName(raw.subject),
    issuerEmpty: isEmptyName(raw.issuer),
    selfIssued: record.subjectKey === record.issuerKey,
  };
  // Each decoded extension under its profile key (the decoder's result type is the key's, by KNOWN_EXTENSIONS).
  const keys: Readonly<Record<string, keyof CertificateProfile>> = {
    basicConstraints: 'basicConstraints', keyUsage: 'keyUsage', extKeyUsage: 'extKeyUsage', subjectAltName: 'subjectAltName',
    nameConstraints: 'nameConstraints', authorityKeyIdentifier: 'authorityKeyId', subjectKeyIdentifier: 'subjectKeyId',
    authorityInfoAccess: 'authorityInfoAccess', certificatePolicies: 'certificatePolicies', policyConstraints: 'policyConstraints',
    policyMappings: 'policyMappings', inhibitAnyPolicy: 'inhibitAnyPolicy',
  };
  const writable = profile as unknown as Record<string, unknown>;
  for (const [name, view] of Object.entries(views)) {
    const key = keys[name];
    if (key) writable[key] = view;
  }
  return profile;
}

/** The profile of a certificate (cached by SHA-256); null when its DER cannot be walked again. */
export function profileOf(record: CertificateRecord): CertificateProfile | null {
  const hit = cache.get(record.sha256);
  if (hit !== undefined) return hit;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const raw = rawOf(record);
  const profile = raw ? build(record, raw) : null;
  cache.set(record.sha256, profile);
  return profile;
}
