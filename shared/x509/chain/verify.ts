import type { Certificate } from 'pkijs';
import { fromBase64 } from '../bytes';
import { parseCertificate } from '../decode-certificate';
import type { CertificateRecord } from '../types';

/** `unsupported`: the algorithm is not in WebCrypto (MD5, MD2, DSA …), so the link can be neither proven nor refuted. */
export type SignatureStatus = 'valid' | 'invalid' | 'unsupported';

// Results depend only on the two certificates, so one bounded cache serves every analysis: a folder of
// chains that share intermediates verifies each (child, issuer) pair once.
const MAX_ENTRIES = 20_000;
const verdicts = new Map<string, Promise<SignatureStatus>>();
const parsed = new Map<string, Certificate | null>();

function bounded<V>(map: Map<string, V>, key: string, make: () => V): V {
  const hit = map.get(key);
  if (hit !== undefined) return hit;
  if (map.size >= MAX_ENTRIES) map.clear();
  const value = make();
  map.set(key, value);
  return value;
}

/** The pkijs object of a record, parsed once. */
export function pkijsCertificate(record: CertificateRecord): Certificate | null {
  return bounded(parsed, record.sha256, () => {
    const der = fromBase64(record.derBase64);
    return der ? parseCertificate(der) : null;
  });
}

/**
 * Whether `issuer`'s key really signed `child` (RFC 5280 §6.1.3 (a)(1)), by WebCrypto through pkijs.
 * Names and key identifiers only say which certificate *should* have signed; this proves it.
 */
export function verifySignature(child: CertificateRecord, issuer: CertificateRecord): Promise<SignatureStatus> {
  return bounded(verdicts, `${child.sha256}>${issuer.sha256}`, async () => {
    const c = pkijsCertificate(child);
    const i = pkijsCertificate(issuer);
    if (!c || !i) return 'unsupported';
    try {
      return (await c.verify(i)) ? 'valid' : 'invalid';
    } catch {
      return 'unsupported';
    }
  });
}
