import type { CertificateRecord } from '../types';
import { clearParsed, rawOf } from './parsed-cache';
import { checkSignature } from './signature';

/** `unsupported`: the algorithm is not in WebCrypto (MD5, MD2, DSA …), so the link can be neither proven nor refuted. */
export type SignatureStatus = 'valid' | 'invalid' | 'unsupported';

// Results depend only on the two certificates, so one bounded cache serves every analysis: a folder of
// chains that share intermediates verifies each (child, issuer) pair once.
const MAX_ENTRIES = 20_000;
const verdicts = new Map<string, Promise<SignatureStatus>>();


/**
 * Whether `issuer`'s key really signed `child`. Names and key identifiers only say which certificate
 * *should* have signed; this proves it. Cached per (child, issuer) pair.
 */
export function verifySignature(child: CertificateRecord, issuer: CertificateRecord): Promise<SignatureStatus> {
  const key = `${child.sha256}>${issuer.sha256}`;
  const hit = verdicts.get(key);
  if (hit) return hit;
  if (verdicts.size >= MAX_ENTRIES) verdicts.clear();
  const c = rawOf(child);
  const i = rawOf(issuer);
  const result = c && i ? checkSignature(c, i) : Promise.resolve<SignatureStatus>('unsupported');
  verdicts.set(key, result);
  return result;
}

/** Empties the caches (benchmarks measure the cold path with it; analyses never need it). */
export function clearSignatureCache(): void {
  verdicts.clear();
  clearParsed();
}
