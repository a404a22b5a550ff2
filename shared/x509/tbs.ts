import { children, readTlv, type Tlv } from './der';

/** The raw parts of a certificate that hashing and matching need, located without a full parse. */
export interface TbsParts {
  readonly issuer: Uint8Array;
  readonly subject: Uint8Array;
  readonly spki: Uint8Array;
}

/**
 * RFC 5280 §4.1: Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version OPTIONAL, serialNumber,
 * signature, issuer, validity, subject, subjectPublicKeyInfo, … }, … }. Returns the exact encodings of the
 * names and the key, or null when the structure is not that.
 */
export function tbsParts(der: Uint8Array): TbsParts | null {
  const cert = readTlv(der);
  const tbs = cert ? readTlv(der, cert.start) : null;
  const fields = tbs ? children(der, tbs, 8) : null;
  if (!fields) return null;
  const rest: Tlv[] = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [, , issuer, , subject, spki] = rest;
  if (!issuer || !subject || !spki) return null;
  const whole = (t: Tlv) => der.subarray(t.offset, t.end);
  return { issuer: whole(issuer), subject: whole(subject), spki: whole(spki) };
}
