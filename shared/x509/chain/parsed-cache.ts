import type { RawCertificate } from '../parse/x509';

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
