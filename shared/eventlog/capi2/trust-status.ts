/**
 * CERT_TRUST_STATUS bits (wincrypt.h; domain.md §3.4). CAPI2 events write them as hex without "0x" plus
 * named boolean attributes; we decode the number and ignore the names, which are only a convenience.
 */
export const TRUST_ERROR_FLAGS: ReadonlyArray<readonly [string, number]> = [
  ['CERT_TRUST_IS_NOT_TIME_VALID', 0x1],
  ['CERT_TRUST_IS_NOT_TIME_NESTED', 0x2],
  ['CERT_TRUST_IS_REVOKED', 0x4],
  ['CERT_TRUST_IS_NOT_SIGNATURE_VALID', 0x8],
  ['CERT_TRUST_IS_NOT_VALID_FOR_USAGE', 0x10],
  ['CERT_TRUST_IS_UNTRUSTED_ROOT', 0x20],
  ['CERT_TRUST_REVOCATION_STATUS_UNKNOWN', 0x40],
  ['CERT_TRUST_IS_CYCLIC', 0x80],
  ['CERT_TRUST_INVALID_EXTENSION', 0x100],
  ['CERT_TRUST_INVALID_POLICY_CONSTRAINTS', 0x200],
  ['CERT_TRUST_INVALID_BASIC_CONSTRAINTS', 0x400],
  ['CERT_TRUST_INVALID_NAME_CONSTRAINTS', 0x800],
  ['CERT_TRUST_HAS_NOT_SUPPORTED_NAME_CONSTRAINT', 0x1000],
  ['CERT_TRUST_HAS_NOT_DEFINED_NAME_CONSTRAINT', 0x2000],
  ['CERT_TRUST_HAS_NOT_PERMITTED_NAME_CONSTRAINT', 0x4000],
  ['CERT_TRUST_HAS_EXCLUDED_NAME_CONSTRAINT', 0x8000],
  ['CERT_TRUST_IS_PARTIAL_CHAIN', 0x10000],
  ['CERT_TRUST_CTL_IS_NOT_TIME_VALID', 0x20000],
  ['CERT_TRUST_CTL_IS_NOT_SIGNATURE_VALID', 0x40000],
  ['CERT_TRUST_CTL_IS_NOT_VALID_FOR_USAGE', 0x80000],
  ['CERT_TRUST_HAS_WEAK_SIGNATURE', 0x100000],
  ['CERT_TRUST_HAS_WEAK_HYGIENE', 0x200000],
  ['CERT_TRUST_IS_OFFLINE_REVOCATION', 0x1000000],
  ['CERT_TRUST_NO_ISSUANCE_CHAIN_POLICY', 0x2000000],
  ['CERT_TRUST_IS_EXPLICIT_DISTRUST', 0x4000000],
  ['CERT_TRUST_HAS_NOT_SUPPORTED_CRITICAL_EXT', 0x8000000],
];

export const TRUST_INFO_FLAGS: ReadonlyArray<readonly [string, number]> = [
  ['CERT_TRUST_HAS_EXACT_MATCH_ISSUER', 0x1],
  ['CERT_TRUST_HAS_KEY_MATCH_ISSUER', 0x2],
  ['CERT_TRUST_HAS_NAME_MATCH_ISSUER', 0x4],
  ['CERT_TRUST_IS_SELF_SIGNED', 0x8],
  ['CERT_TRUST_HAS_PREFERRED_ISSUER', 0x100],
  ['CERT_TRUST_HAS_ISSUANCE_CHAIN_POLICY', 0x200],
  ['CERT_TRUST_HAS_VALID_NAME_CONSTRAINTS', 0x400],
  ['CERT_TRUST_IS_PEER_TRUSTED', 0x800],
  ['CERT_TRUST_HAS_CRL_VALIDITY_EXTENDED', 0x1000],
  ['CERT_TRUST_IS_FROM_EXCLUSIVE_TRUST_STORE', 0x2000],
  ['CERT_TRUST_IS_CA_TRUSTED', 0x4000],
  ['CERT_TRUST_IS_COMPLEX_CHAIN', 0x10000],
];

export interface TrustStatus {
  readonly error: number;
  readonly info: number;
  readonly errorFlags: readonly string[];
  readonly infoFlags: readonly string[];
}

function names(value: number, table: ReadonlyArray<readonly [string, number]>): string[] {
  const out: string[] = [];
  for (const [name, bit] of table) if ((value & bit) >>> 0 === bit) out.push(name);
  return out;
}

/** Parses a hex attribute as CAPI2 writes it ("10000", also tolerating "0x10000"); junk reads as 0. */
export function parseHexValue(value: string | undefined): number {
  const n = parseInt((value ?? '').replace(/^0x/i, ''), 16);
  return Number.isFinite(n) ? n >>> 0 : 0;
}

/** Decodes an ErrorStatus/InfoStatus pair into numbers and CERT_TRUST_* names. */
export function decodeTrustStatus(errorHex: string | undefined, infoHex: string | undefined): TrustStatus {
  const error = parseHexValue(errorHex);
  const info = parseHexValue(infoHex);
  return { error, info, errorFlags: names(error, TRUST_ERROR_FLAGS), infoFlags: names(info, TRUST_INFO_FLAGS) };
}

export const hasFlag = (status: TrustStatus | undefined, name: string): boolean => status?.errorFlags.includes(name) ?? false;
