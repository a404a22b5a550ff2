import * as asn1js from 'asn1js';
import { Certificate } from 'pkijs';
import { err, ok, type Result } from '../result';
import type { InputError } from '../model/input';
import type { CertificateRecord } from './types';
import { ASN1_LIMITS, readTlv } from './der';
import { sha1Hex, sha256Hex, toBase64, toHex } from './bytes';
import { parseName, attributeValues } from './name';
import { decodeExtensions } from './extensions/index';
import { describePublicKey } from './public-key';
import { SIGNATURE_ALGORITHMS } from './oids';
import { parseRawCertificate, type RawCertificate } from './parse/x509';
import { rememberRaw } from './chain/parsed-cache';

const CN = '2.5.4.3';

/**
 * Parses one DER certificate with pkijs, or null — for callers that need pkijs objects (PKCS#12 key
 * matching). Decoding and signature checks use the lighter raw walk of parse/x509.ts.
 */
export function parseCertificate(der: Uint8Array): Certificate | null {
  if (der[0] !== 0x30) return null;
  const outer = readTlv(der);
  if (!outer) return null;
  try {
    const asn = asn1js.fromBER(der.subarray(0, outer.end), ASN1_LIMITS);
    if (asn.offset === -1) return null;
    return new Certificate({ schema: asn.result });
  } catch {
    return null;
  }
}

/** Builds the record from the walked certificate and its exact DER (hashes are over the bytes as given). */
export function recordOf(raw: RawCertificate, der: Uint8Array): CertificateRecord {
  const subject = parseName(raw.subject);
  const issuer = parseName(raw.issuer);
  const { facts } = decodeExtensions(raw.extensions);
  const sig = SIGNATURE_ALGORITHMS[raw.signatureOid];
  const selfSigned =
    subject.key === issuer.key &&
    (!facts.authorityKeyId || !facts.subjectKeyId || facts.authorityKeyId === facts.subjectKeyId);
  return {
    sha1: sha1Hex(der),
    sha256: sha256Hex(der),
    derBase64: toBase64(der),
    subject: subject.display,
    issuer: issuer.display,
    subjectKey: subject.key,
    issuerKey: issuer.key,
    serial: toHex(raw.serial),
    version: raw.version,
    notBefore: raw.notBefore.toISOString(),
    notAfter: raw.notAfter.toISOString(),
    dnsNames: facts.dnsNames,
    ipAddresses: facts.ipAddresses,
    commonNames: attributeValues(subject, CN),
    eku: facts.eku,
    keyUsage: facts.keyUsage,
    isCa: facts.isCa,
    ...(facts.pathLength !== undefined ? { pathLength: facts.pathLength } : {}),
    selfSigned,
    ...(facts.subjectKeyId ? { subjectKeyId: facts.subjectKeyId } : {}),
    ...(facts.authorityKeyId ? { authorityKeyId: facts.authorityKeyId } : {}),
    aiaCaIssuers: facts.aiaCaIssuers,
    ocspUrls: facts.ocspUrls,
    crlUrls: facts.crlUrls,
    signatureAlgorithm: sig?.name ?? raw.signatureOid,
    signatureAlgorithmOid: raw.signatureOid,
    signatureHash: sig?.hash ?? 'unknown',
    publicKey: describePublicKey(raw),
    spkiSha256: sha256Hex(raw.spki),
    sendConnectorName: `<I>${issuer.display}<S>${subject.display}`,
  };
}

/**
 * Decodes one DER X.509 certificate into the record every part of Relay Doctor shares. Input that is not
 * DER at all is `input.unrecognized`; DER that breaks off or is not a certificate is `input.damaged`.
 * Only the first TLV is used, so OpenSSL's "TRUSTED CERTIFICATE" form (certificate + trust data) works.
 */
export function decodeCertificate(der: Uint8Array): Result<CertificateRecord, InputError> {
  if (der.length < 2 || der[0] !== 0x30) return err({ code: 'input.unrecognized' });
  const outer = readTlv(der);
  if (!outer) return err({ code: 'input.damaged' });
  const exact = der.subarray(0, outer.end);
  const raw = parseRawCertificate(exact);
  if (!raw) return err({ code: 'input.damaged' });
  try {
    const record = recordOf(raw, exact);
    // Path building checks signatures on the walked form: keep it rather than walk the DER again.
    rememberRaw(record.sha256, raw);
    return ok(record);
  } catch {
    return err({ code: 'input.damaged' });
  }
}
