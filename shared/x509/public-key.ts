import { children, readTlv } from './der';
import { EC_CURVE_BITS, KEY_EC, KEY_RSA, KEY_RSA_PSS, OTHER_KEYS } from './oids';
import type { RawCertificate } from './parse/x509';
import type { CertificateRecord } from './types';

/** Bits of a big-endian unsigned integer (an RSA modulus), ignoring leading zero octets. */
export function integerBits(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

/** The modulus of an RSAPublicKey (RFC 8017 A.1.1: SEQUENCE { modulus, publicExponent }). */
export function rsaModulus(keyBits: Uint8Array): Uint8Array | null {
  const seq = readTlv(keyBits);
  const modulus = seq ? children(keyBits, seq)?.[0] : undefined;
  return modulus && modulus.tag === 0x02 ? keyBits.subarray(modulus.start, modulus.end) : null;
}

/** Key algorithm and size, for cert.weakKey (RSA < 2048, EC < 256) and the details view. */
export function describePublicKey(raw: RawCertificate): CertificateRecord['publicKey'] {
  if (raw.keyOid === KEY_RSA || raw.keyOid === KEY_RSA_PSS) {
    const modulus = rsaModulus(raw.keyBits);
    return { algorithm: 'RSA', bits: modulus ? integerBits(modulus) : 0 };
  }
  if (raw.keyOid === KEY_EC) {
    const curve = raw.keyParamOid ? EC_CURVE_BITS[raw.keyParamOid] : undefined;
    return curve ? { algorithm: 'EC', bits: curve.bits, name: curve.name } : { algorithm: 'EC', bits: 0 };
  }
  const other = OTHER_KEYS[raw.keyOid];
  return { algorithm: 'other', bits: other?.bits ?? 0, name: other?.name ?? raw.keyOid };
}
