import { children, readTlv, type Tlv } from '../der';
import { toHex } from '../bytes';
import { oidText } from '../name';
import { generalNameOf, generalNamesOf, type GeneralName } from './general-names';

/**
 * Strict decoders of the extension values path validation reads (RFC 5280 §4.2). Each returns null when the
 * value is not what the ASN.1 allows: CryptoAPI sets CERT_TRUST_INVALID_EXTENSION for an extension it cannot
 * decode, and RFC 5280 gives no meaning to one, so a malformed value is a finding, never silently skipped.
 */

/** The value is exactly one TLV with this tag (nothing after it). */
export function whole(value: Uint8Array, tag: number): Tlv | null {
  const t = readTlv(value);
  return t && t.tag === tag && t.end === value.length ? t : null;
}

function unsignedOf(bytes: Uint8Array, t: Tlv): number | null {
  if (t.end - t.start === 0 || t.end - t.start > 4 || (bytes[t.start]! & 0x80) !== 0) return null;
  let v = 0;
  for (let i = t.start; i < t.end; i++) v = v * 256 + bytes[i]!;
  return v;
}

export interface BasicConstraintsValue {
  readonly ca: boolean;
  readonly pathLength?: number;
}

/** BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER (0..MAX) OPTIONAL }. */
export function basicConstraintsValue(value: Uint8Array): BasicConstraintsValue | null {
  const seq = whole(value, 0x30);
  const items = seq ? children(value, seq) : null;
  if (!items || items.length > 2) return null;
  let ca = false;
  let pathLength: number | undefined;
  for (const [i, t] of items.entries()) {
    if (t.tag === 0x01 && i === 0 && t.end - t.start === 1) ca = value[t.start] !== 0;
    else if (t.tag === 0x02 && pathLength === undefined) {
      const n = unsignedOf(value, t);
      if (n === null) return null;
      pathLength = n;
    } else return null;
  }
  return { ca, ...(pathLength !== undefined ? { pathLength } : {}) };
}

const KU_BITS = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement',
  'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'] as const;

/** KeyUsage ::= BIT STRING (RFC 5280 §4.2.1.3: at least one bit set). */
export function keyUsageValue(value: Uint8Array): ReadonlySet<string> | null {
  const t = whole(value, 0x03);
  if (!t || t.end - t.start < 1 || value[t.start]! > 7) return null;
  const bits = value.subarray(t.start + 1, t.end);
  const set = new Set<string>(KU_BITS.filter((_, i) => ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0));
  return set.size > 0 ? set : null;
}

function oidList(value: Uint8Array): string[] | null {
  const seq = whole(value, 0x30);
  const items = seq ? children(value, seq) : null;
  if (!items || items.length === 0 || items.some((t) => t.tag !== 0x06 || t.end === t.start)) return null;
  return items.map((t) => oidText(value.subarray(t.start, t.end)));
}

/** ExtKeyUsageSyntax ::= SEQUENCE SIZE (1..MAX) OF KeyPurposeId. */
export const extKeyUsageValue = oidList;

/** SubjectAltName ::= GeneralNames (at least one). */
export function subjectAltNameValue(value: Uint8Array): GeneralName[] | null {
  const seq = whole(value, 0x30);
  return seq ? generalNamesOf(value, seq) : null;
}

export interface GeneralSubtree {
  readonly base: GeneralName;
}

export interface NameConstraintsValue {
  /** null when the field is absent; never empty (SIZE (1..MAX)). */
  readonly permitted: readonly GeneralSubtree[] | null;
  readonly excluded: readonly GeneralSubtree[] | null;
}

function subtreesOf(value: Uint8Array, t: Tlv): GeneralSubtree[] | null {
  const items = children(value, t);
  if (!items || items.length === 0) return null;
  const out: GeneralSubtree[] = [];
  for (const st of items) {
    const parts = st.tag === 0x30 ? children(value, st) : null;
    const base = parts?.[0] ? generalNameOf(value, parts[0]) : null;
    if (!parts || !base) return null;
    // RFC 5280 §4.2.1.10: minimum MUST be zero (the DEFAULT, so absent in DER) and maximum MUST be absent.
    if (parts.length > 1) return null;
    out.push({ base });
  }
  return out;
}

/** NameConstraints ::= SEQUENCE { permittedSubtrees [0] OPTIONAL, excludedSubtrees [1] OPTIONAL }, one of them present. */
export function nameConstraintsValue(value: Uint8Array): NameConstraintsValue | null {
  const seq = whole(value, 0x30);
  const items = seq ? children(value, seq) : null;
  if (!items || items.length === 0 || items.length > 2) return null;
  let permitted: GeneralSubtree[] | null = null;
  let excluded: GeneralSubtree[] | null = null;
  for (const t of items) {
    if (t.tag === 0xa0 && !permitted && !excluded) permitted = subtreesOf(value, t) ?? [];
    else if (t.tag === 0xa1 && !excluded) excluded = subtreesOf(value, t) ?? [];
    else return null;
  }
  if ((permitted && permitted.length === 0) || (excluded && excluded.length === 0)) return null;
  return { permitted, excluded };
}

export interface AuthorityKeyIdValue {
  readonly keyId?: string;
  readonly hasIssuer: boolean;
  readonly hasSerial: boolean;
}

/** AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0], authorityCertIssuer [1], authorityCertSerialNumber [2] }. */
export function authorityKeyIdValue(value: Uint8Array): AuthorityKeyIdValue | null {
  const seq = whole(value, 0x30);
  const items = seq ? children(value, seq) : null;
  if (!items) return null;
  let keyId: string | undefined;
  let hasIssuer = false;
  let hasSerial = false;
  for (const t of items) {
    if (t.tag === 0x80) keyId = toHex(value.subarray(t.start, t.end));
    else if (t.tag === 0xa1) hasIssuer = true;
    else if (t.tag === 0x82) hasSerial = true;
    else return null;
  }
  // RFC 5280 §4.2.1.1 / X.509: issuer and serial come together or not at all.
  if (hasIssuer !== hasSerial) return null;
  return { ...(keyId !== undefined ? { keyId } : {}), hasIssuer, hasSerial };
}

/** SubjectKeyIdentifier ::= KeyIdentifier (OCTET STRING). */
export function subjectKeyIdValue(value: Uint8Array): string | null {
  const t = whole(value, 0x04);
  return t && t.end > t.start ? toHex(value.subarray(t.start, t.end)) : null;
}

/** certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation { policyIdentifier, qualifiers OPTIONAL }. */
export function certificatePoliciesValue(value: Uint8Array): string[] | null {
  const seq = whole(value, 0x30);
  const items = seq ? children(value, seq) : null;
  if (!items || items.length === 0) return null;
  const out: string[] = [];
  for (const info of items) {
    const oid = info.tag === 0x30 ? children(value, info)?.[0] : undefined;
    if (!oid || oid.tag !== 0x06) return null;
    const text = oidText(value.subarray(oid.start, oid.end));
    // RFC 5280 §4.2.1.4: a policy OID MUST NOT appear more than once.
    if (out.includes(text)) return null;
    out.push(text);
  }
  return out;
}

export interface PolicyConstraintsValue {
  readonly requireExplicitPolicy?: number;
  readonly inhibitPolicyMapping?: number;
}

/** PolicyConstraints ::= SEQUENCE { requireExplicitPolicy [0], inhibitPolicyMapping [1] }; not empty (§4.2.1.11). */
export function policyConstraintsValue(value: Uint8Array): PolicyConstraintsValue | null {
  const seq = whole(value, 0x30);
  const items = seq ? children(value, seq) : null;
  if (!items || items.length === 0 || items.length > 2) return null;
  const out: { requireExplicitPolicy?: number; inhibitPolicyMapping?: number } = {};
  for (const t of items) {
    const n = unsignedOf(value, t);
    if (n === null) return null;
    if (t.tag === 0x80 && out.requireExplicitPolicy === undefined && out.inhibitPolicyMapping === undefined) out.requireExplicitPolicy = n;
    else if (t.tag === 0x81 && out.inhibitPolicyMapping === undefined) out.inhibitPolicyMapping = n;
    else return null;
  }
  return out;
}

/** PolicyMappings ::= SEQUENCE SIZE (1..MAX) OF SEQUENCE { issuerDomainPolicy, subjectDomainPolicy }. */
export function policyMappingsValue(value: Uint8Array): Array<readonly [string, string]> | null {
  const seq = whole(value, 0x30);
  const items = seq ? children(value, seq) : null;
  if (!items || items.length === 0) return null;
  const out: Array<readonly [string, string]> = [];
  for (const m of items) {
    const pair = m.tag === 0x30 ? children(value, m) : null;
    if (!pair || pair.length !== 2 || pair.some((t) => t.tag !== 0x06)) return null;
    out.push([oidText(value.subarray(pair[0]!.start, pair[0]!.end)), oidText(value.subarray(pair[1]!.start, pair[1]!.end))]);
  }
  return out;
}

/** InhibitAnyPolicy ::= SkipCerts (INTEGER 0..MAX). */
export function inhibitAnyPolicyValue(value: Uint8Array): number | null {
  const t = whole(value, 0x02);
  return t ? unsignedOf(value, t) : null;
}

/** AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription { accessMethod OID, accessLocation GeneralName }. */
export function accessDescriptionsValue(value: Uint8Array): true | null {
  const seq = whole(value, 0x30);
  const items = seq ? children(value, seq) : null;
  if (!items || items.length === 0) return null;
  for (const ad of items) {
    const parts = ad.tag === 0x30 ? children(value, ad) : null;
    if (!parts || parts.length !== 2 || parts[0]!.tag !== 0x06 || !generalNameOf(value, parts[1]!)) return null;
  }
  return true;
}
