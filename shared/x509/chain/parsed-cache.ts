import { fromBase64 } from '../bytes';
import { parseRawCertificate, type RawCertificate } from '../parse/x509';
import type { CertificateRecord } from '../types';

// Walked certificates by SHA-256: decoding puts them here, signature checks take them, so a certificate
// is parsed once per process however many chains it is on. Bounded; the content never changes.
const MAX_ENTRIES = 20_000;
const parsed = new Map<string, RawCertificate | null>();

export function rawCertificate(sha256: string, make: () => RawCertificate | null): RawCertificate | null {
  const hit = parsed.get(sha256);
  if (hit !== undefined) return hit;
  if (parsed.size >= MAX_ENTRIES) parsed.clear();
  const value = make();
  parsed.set(sha256, value);
  return value;
}

/** Hands over a certificate already walked while decoding. */
export function rememberRaw(sha256: string, raw: RawCertificate): void {
  if (!parsed.has(sha256)) rawCertificate(sha256, () => raw);
}

export function clearParsed(): void {
  parsed.clear();
}

/** The walked form of a record's DER (from the cache, else walked again). */
export function rawOf(record: CertificateRecord): RawCertificate | null {
  return rawCertificate(record.sha256, () => {
    const der = fromBase64(record.derBase64);
    return der ? parseRawCertificate(der) : null;
  });
}
