import * as asn1js from 'asn1js';
import type { RawCertificate } from '../parse/x509';
import { rsaModulus } from '../public-key';
import { toHex } from '../bytes';
import { KEY_EC, KEY_RSA } from '../oids';

/**
 * What links a private key to its certificate without keeping the key: the public part (RSA modulus or
 * EC point) derived from the PKCS#8 PrivateKeyInfo, compared with the certificate's public key. The
 * decrypted key is dropped as soon as this string is computed.
 */
function stripZeros(hex: string): string {
  return hex.replace(/^(00)+/, '');
}

function sequenceItems(der: ArrayBuffer | Uint8Array): asn1js.AsnType[] {
  const asn = asn1js.fromBER(der instanceof Uint8Array ? der.slice().buffer : der);
  if (asn.offset === -1) return [];
  return ((asn.result as asn1js.Sequence).valueBlock?.value ?? []) as asn1js.AsnType[];
}

/** PKCS#8 PrivateKeyInfo DER → the public part, or null when the key type is not one we compare. */
export function publicPartOfPrivateKey(pkcs8: ArrayBuffer): string | null {
  const [, algorithm, privateKey] = sequenceItems(pkcs8) as [unknown, asn1js.Sequence?, asn1js.OctetString?];
  const oid = (algorithm?.valueBlock?.value?.[0] as asn1js.ObjectIdentifier | undefined)?.valueBlock.toString();
  const inner = privateKey?.valueBlock?.valueHexView;
  if (!oid || !inner) return null;
  const items = sequenceItems(inner);
  if (oid === KEY_RSA) {
    // RSAPrivateKey ::= SEQUENCE { version, modulus, … } (RFC 8017 A.1.2)
    const modulus = items[1] as asn1js.Integer | undefined;
    return modulus ? 'RSA:' + stripZeros(toHex(modulus.valueBlock.valueHexView)) : null;
  }
  if (oid === KEY_EC) {
    // ECPrivateKey ::= SEQUENCE { version, privateKey, [0] parameters, [1] publicKey } (RFC 5915)
    const tagged = items.find((i) => i.idBlock.tagClass === 3 && i.idBlock.tagNumber === 1) as
      | asn1js.Constructed
      | undefined;
    const bits = tagged?.valueBlock?.value?.[0] as asn1js.BitString | undefined;
    return bits ? 'EC:' + toHex(bits.valueBlock.valueHexView) : null;
  }
  return null;
}

/** The same public part, from a certificate. */
export function publicPartOfCertificate(cert: RawCertificate): string | null {
  if (cert.keyOid === KEY_RSA) {
    const modulus = rsaModulus(cert.keyBits);
    return modulus ? 'RSA:' + stripZeros(toHex(modulus)) : null;
  }
  if (cert.keyOid === KEY_EC) return 'EC:' + toHex(cert.keyBits);
  return null;
}
