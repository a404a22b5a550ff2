import type { Certificate } from 'pkijs';
import * as asn1js from 'asn1js';
import { EC_CURVE_BITS, KEY_EC, KEY_RSA, KEY_RSA_PSS, OTHER_KEYS } from './oids';
import type { CertificateRecord } from './types';

/** Bits of a big-endian unsigned integer (an RSA modulus), ignoring leading zero octets. */
export function integerBits(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

/** Key algorithm and size, for cert.weakKey (RSA < 2048, EC < 256) and the details view. */
export function describePublicKey(cert: Certificate): CertificateRecord['publicKey'] {
  const spki = cert.subjectPublicKeyInfo;
  const alg = spki.algorithm.algorithmId;
  if (alg === KEY_RSA || alg === KEY_RSA_PSS) {
    const key = asn1js.fromBER(spki.subjectPublicKey.valueBlock.valueHexView);
    const modulus = (key.result as asn1js.Sequence).valueBlock?.value?.[0] as asn1js.Integer | undefined;
    const bits = modulus ? integerBits(modulus.valueBlock.valueHexView) : 0;
    return { algorithm: 'RSA', bits };
  }
  if (alg === KEY_EC) {
    const params = spki.algorithm.algorithmParams as asn1js.ObjectIdentifier | undefined;
    const curve = params instanceof asn1js.ObjectIdentifier ? EC_CURVE_BITS[params.valueBlock.toString()] : undefined;
    return curve ? { algorithm: 'EC', bits: curve.bits, name: curve.name } : { algorithm: 'EC', bits: 0 };
  }
  const other = OTHER_KEYS[alg];
  return { algorithm: 'other', bits: other?.bits ?? 0, name: other?.name ?? alg };
}
