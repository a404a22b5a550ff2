/**
 * HRESULTs that CAPI2 events report in Result/@value and RevocationResult/@value (winerror.h; domain.md §3.5).
 * Matching is always on the number: the text beside it is localized and varies by Windows version.
 */
export const HRESULTS: Readonly<Record<string, string>> = {
  '00000000': 'S_OK',
  '800B0101': 'CERT_E_EXPIRED',
  '800B0102': 'CERT_E_VALIDITYPERIODNESTING',
  '800B0103': 'CERT_E_ROLE',
  '800B0104': 'CERT_E_PATHLENCONST',
  '800B0105': 'CERT_E_CRITICAL',
  '800B0106': 'CERT_E_PURPOSE',
  '800B0107': 'CERT_E_ISSUERCHAINING',
  '800B0108': 'CERT_E_MALFORMED',
  '800B0109': 'CERT_E_UNTRUSTEDROOT',
  '800B010A': 'CERT_E_CHAINING',
  '800B010B': 'TRUST_E_FAIL',
  '800B010C': 'CERT_E_REVOKED',
  '800B010D': 'CERT_E_UNTRUSTEDTESTROOT',
  '800B010E': 'CERT_E_REVOCATION_FAILURE',
  '800B010F': 'CERT_E_CN_NO_MATCH',
  '800B0110': 'CERT_E_WRONG_USAGE',
  '800B0111': 'TRUST_E_EXPLICIT_DISTRUST',
  '800B0112': 'CERT_E_UNTRUSTEDCA',
  '800B0113': 'CERT_E_INVALID_POLICY',
  '800B0114': 'CERT_E_INVALID_NAME',
  '80092004': 'CRYPT_E_NOT_FOUND',
  '80092010': 'CRYPT_E_REVOKED',
  '80092012': 'CRYPT_E_NO_REVOCATION_CHECK',
  '80092013': 'CRYPT_E_REVOCATION_OFFLINE',
  '80092014': 'CRYPT_E_NOT_IN_REVOCATION_DATABASE',
  '80096004': 'TRUST_E_CERT_SIGNATURE',
  '80096019': 'TRUST_E_BASIC_CONSTRAINTS',
  '800B0100': 'TRUST_E_NOSIGNATURE',
  '80096010': 'TRUST_E_BAD_DIGEST',
  '80070005': 'E_ACCESSDENIED',
  '80072EE2': 'WININET_E_TIMEOUT',
  '80072EE7': 'WININET_E_NAME_NOT_RESOLVED',
  '80072EFD': 'WININET_E_CANNOT_CONNECT',
};

export interface Hresult {
  /** Eight upper-case hex digits, e.g. "800B0109". */
  readonly hex: string;
  /** The winerror.h symbol, when known. */
  readonly symbol?: string;
}

/**
 * Normalises a result value: "800B0109", "0x800b0109", or the signed decimal some tools print
 * ("-2146762487"). Returns null for text that is no number.
 */
export function decodeHresult(value: string | undefined): Hresult | null {
  const v = (value ?? '').trim();
  let n: number;
  if (/^-?\d+$/.test(v) && (v.startsWith('-') || v.length > 8)) n = Number(v) >>> 0;
  else if (/^(0x)?[0-9a-f]{1,8}$/i.test(v)) n = parseInt(v.replace(/^0x/i, ''), 16) >>> 0;
  else return null;
  const hex = n.toString(16).toUpperCase().padStart(8, '0');
  const symbol = HRESULTS[hex];
  return symbol ? { hex, symbol } : { hex };
}

export const isFailure = (h: Hresult | null | undefined): boolean => !!h && h.hex !== '00000000';
