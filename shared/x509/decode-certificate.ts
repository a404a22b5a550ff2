import * as asn1js from 'asn1js';
import { Certificate, type RelativeDistinguishedNames } from 'pkijs';
import { err, ok, type Result } from '../result';
import type { InputError } from '../model/input';
import type { CertificateRecord } from './types';
import { ASN1_LIMITS, readTlv } from './der';
import { sha1Hex, sha256Hex, toBase64, toHex } from './bytes';
import { parseName, attributeValues, type ParsedName } from './name';
import { decodeExtensions } from './extensions/index';
import { describePublicKey } from './public-key';
import { SIGNATURE_ALGORITHMS } from './oids';

const CN = '2.5.4.3';

/**
 * Parses one DER certificate with pkijs, or null. Only the first TLV is used, so OpenSSL's
 * "TRUSTED CERTIFICATE" form (certificate followed by auxiliary trust data) works too.
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

function nameOf(rdns: RelativeDistinguishedNames): ParsedName {
  const raw = rdns.valueBeforeDecode?.byteLength ? rdns.valueBeforeDecode : rdns.toSchema().toBER(false);
  return parseName(raw);
}

function iso(value: Date): string | null {
  return Number.isNaN(value.getTime()) ? null : value.toISOString();
}

/** Builds the record from a parsed certificate and its exact DER (hashes are over the bytes as given). */
export function recordOf(cert: Certificate, der: Uint8Array): CertificateRecord | null {
  const subject = nameOf(cert.subject);
  const issuer = nameOf(cert.issuer);
  const notBefore = iso(cert.notBefore.value);
  const notAfter = iso(cert.notAfter.value);
  if (!notBefore || !notAfter) return null;
  const { facts } = decodeExtensions(cert.extensions);
  const sigOid = cert.signatureAlgorithm.algorithmId;
  const sig = SIGNATURE_ALGORITHMS[sigOid];
  const spki = new Uint8Array(cert.subjectPublicKeyInfo.toSchema().toBER(false));
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
    serial: toHex(cert.serialNumber.valueBlock.valueHexView),
    version: cert.version + 1,
    notBefore,
    notAfter,
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
    signatureAlgorithm: sig?.name ?? sigOid,
    signatureAlgorithmOid: sigOid,
    signatureHash: sig?.hash ?? 'unknown',
    publicKey: describePublicKey(cert),
    spkiSha256: sha256Hex(spki),
    sendConnectorName: `<I>${issuer.display}<S>${subject.display}`,
  };
}

/**
 * Decodes one DER X.509 certificate into the record every part of Relay Doctor shares. Input that is not
 * DER at all is `input.unrecognized`; DER that breaks off or is not a certificate is `input.damaged`.
 */
export function decodeCertificate(der: Uint8Array): Result<CertificateRecord, InputError> {
  if (der.length < 2 || der[0] !== 0x30) return err({ code: 'input.unrecognized' });
  const outer = readTlv(der);
  if (!outer) return err({ code: 'input.damaged' });
  const exact = der.subarray(0, outer.end);
  const cert = parseCertificate(exact);
  if (!cert) return err({ code: 'input.damaged' });
  try {
    const record = recordOf(cert, exact);
    return record ? ok(record) : err({ code: 'input.damaged' });
  } catch {
    return err({ code: 'input.damaged' });
  }
}
