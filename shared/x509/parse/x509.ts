import { children, readTlv, type Tlv } from '../der';
import { oidText } from '../name';

/** An extension as it sits in the certificate: its OID, criticality and the raw extnValue octets. */
export interface RawExtension {
  readonly oid: string;
  readonly critical: boolean;
  readonly value: Uint8Array;
}

/**
 * The fields of an X.509 certificate (RFC 5280 §4.1) located by a linear TLV walk, as exact byte ranges.
 * This is all that decoding and signature checks need, without building an object tree per node.
 */
export interface RawCertificate {
  readonly version: number;
  readonly serial: Uint8Array;
  readonly signatureOid: string;
  /** The whole signature AlgorithmIdentifier (RSA-PSS needs its parameters). */
  readonly signatureAlgorithm: Uint8Array;
  /** The signature AlgorithmIdentifier inside tbsCertificate (RFC 5280 §4.1.1.2: must equal the outer one). */
  readonly tbsSignatureAlgorithm: Uint8Array;
  readonly issuer: Uint8Array;
  readonly subject: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** The whole SubjectPublicKeyInfo, as WebCrypto's `spki` import takes it. */
  readonly spki: Uint8Array;
  readonly keyOid: string;
  /** The algorithm parameters' OID (the EC curve), when it is one. */
  readonly keyParamOid?: string;
  /** The subjectPublicKey BIT STRING content without its unused-bits octet. */
  readonly keyBits: Uint8Array;
  readonly extensions: readonly RawExtension[];
  /** The exact tbsCertificate encoding: what the issuer signed. */
  readonly tbs: Uint8Array;
  readonly signature: Uint8Array;
}

const latin1 = new TextDecoder('latin1');

/** UTCTime (YYMMDDHHMMSSZ, RFC 5280 §4.1.2.5.1) or GeneralizedTime (YYYYMMDDHHMMSS[.f]Z). */
function timeOf(bytes: Uint8Array, t: Tlv): Date | null {
  const s = latin1.decode(bytes.subarray(t.start, t.end));
  const m =
    t.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s)
      : t.tag === 0x18
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(s)
        : null;
  if (!m) return null;
  let year = Number(m[1]);
  if (t.tag === 0x17) year += year < 50 ? 2000 : 1900;
  const d = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
  return Number.isNaN(d.getTime()) ? null : d;
}

function oidAt(bytes: Uint8Array, t: Tlv | undefined): string | null {
  return t && t.tag === 0x06 ? oidText(bytes.subarray(t.start, t.end)) : null;
}

function extensionsOf(der: Uint8Array, wrapper: Tlv | undefined): RawExtension[] | null {
  if (!wrapper) return [];
  const seq = readTlv(der, wrapper.start);
  const list = seq && seq.tag === 0x30 ? children(der, seq) : null;
  if (!list) return null;
  const out: RawExtension[] = [];
  for (const ext of list) {
    const parts = children(der, ext);
    if (!parts || parts.length < 2) return null;
    const oid = oidAt(der, parts[0]);
    const critical = parts.length === 3 && parts[1]!.tag === 0x01 && der[parts[1]!.start] !== 0;
    const value = parts[parts.length - 1]!;
    if (!oid || value.tag !== 0x04) return null;
    out.push({ oid, critical, value: der.subarray(value.start, value.end) });
  }
  return out;
}

/** Walks a DER certificate; null when it is not shaped like one (the caller reports input.damaged). */
export function parseRawCertificate(der: Uint8Array): RawCertificate | null {
  const cert = readTlv(der);
  const top = cert && cert.tag === 0x30 ? children(der, cert, 4) : null;
  if (!top || top.length !== 3) return null;
  const [tbsTlv, sigAlg, sigValue] = top as [Tlv, Tlv, Tlv];
  if (tbsTlv.tag !== 0x30 || sigAlg.tag !== 0x30 || sigValue.tag !== 0x03) return null;
  const fields = children(der, tbsTlv, 16);
  if (!fields) return null;
  let i = 0;
  let version = 1;
  if (fields[0]?.tag === 0xa0) {
    const v = readTlv(der, fields[0].start);
    version = v && v.tag === 0x02 && v.end - v.start === 1 ? der[v.start]! + 1 : 0;
    i = 1;
  }
  const [serial, tbsSigAlg, issuer, validity, subject, spki] = fields.slice(i, i + 6);
  if (!serial || serial.tag !== 0x02 || !tbsSigAlg || !issuer || !validity || !subject || !spki || spki.tag !== 0x30) return null;
  const times = children(der, validity);
  const notBefore = times?.[0] ? timeOf(der, times[0]) : null;
  const notAfter = times?.[1] ? timeOf(der, times[1]) : null;
  const keyParts = children(der, spki);
  const keyAlg = keyParts?.[0] ? children(der, keyParts[0]) : null;
  const keyOid = oidAt(der, keyAlg?.[0]);
  const bits = keyParts?.[1];
  const signatureOid = oidAt(der, children(der, sigAlg)?.[0]);
  const extensions = extensionsOf(der, fields.slice(i + 6).find((f) => f.tag === 0xa3));
  if (!notBefore || !notAfter || !keyOid || !bits || bits.tag !== 0x03 || !signatureOid || !extensions) return null;
  const keyParamOid = oidAt(der, keyAlg?.[1]);
  return {
    version,
    serial: der.subarray(serial.start, serial.end),
    signatureOid,
    signatureAlgorithm: der.subarray(sigAlg.offset, sigAlg.end),
    tbsSignatureAlgorithm: der.subarray(tbsSigAlg.offset, tbsSigAlg.end),
    issuer: der.subarray(issuer.offset, issuer.end),
    subject: der.subarray(subject.offset, subject.end),
    notBefore,
    notAfter,
    spki: der.subarray(spki.offset, spki.end),
    keyOid,
    ...(keyParamOid ? { keyParamOid } : {}),
    keyBits: der.subarray(bits.start + 1, bits.end),
    extensions,
    tbs: der.subarray(tbsTlv.offset, tbsTlv.end),
    signature: der.subarray(sigValue.start + 1, sigValue.end),
  };
}
