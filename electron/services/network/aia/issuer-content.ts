import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import { Certificate, ContentInfo, SignedData } from 'pkijs';

/** What an AIA caIssuers URL served: a DER or PEM certificate (RFC 5280 §4.2.2.1) or a certs-only PKCS#7. */
export interface IssuerContent {
  readonly kind: 'der' | 'pem' | 'pkcs7';
  readonly certificates: readonly Buffer[];
}

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

function isCertificate(der: Buffer): boolean {
  try {
    new X509Certificate(der);
    return true;
  } catch {
    return false;
  }
}

/** The certificates of a PKCS#7 SignedData (`.p7c`, `.p7b`), DER-encoded; null if it is not one. */
function pkcs7Certificates(der: Buffer): Buffer[] | null {
  try {
    const asn = asn1js.fromBER(new Uint8Array(der));
    if (asn.offset === -1) return null;
    const info = new ContentInfo({ schema: asn.result });
    if (info.contentType !== SIGNED_DATA) return null;
    const signed = new SignedData({ schema: info.content });
    const out = (signed.certificates ?? [])
      .filter((c): c is Certificate => c instanceof Certificate)
      .map((c) => Buffer.from(c.toSchema().toBER(false)));
    return out.length > 0 ? out : null;
  } catch {
    return null;
  }
}

/** Reads the downloaded bytes, or null when they are neither a certificate nor a PKCS#7 bundle (an HTML error page, …). */
export function readIssuerContent(body: Buffer): IssuerContent | null {
  const text = body.subarray(0, 64).toString('latin1');
  if (text.includes('-----BEGIN')) {
    const certificates: Buffer[] = [];
    let pkcs7 = false;
    for (const m of body.toString('latin1').matchAll(PEM_BLOCK)) {
      const der = Buffer.from((m[2] ?? '').replace(/\s+/g, ''), 'base64');
      if (m[1] === 'CERTIFICATE' && isCertificate(der)) certificates.push(der);
      else if (m[1] === 'PKCS7' || m[1] === 'CMS') {
        const inner = pkcs7Certificates(der);
        if (inner) {
          certificates.push(...inner);
          pkcs7 = true;
        }
      }
    }
    return certificates.length > 0 ? { kind: pkcs7 ? 'pkcs7' : 'pem', certificates } : null;
  }
  if (isCertificate(body)) return { kind: 'der', certificates: [body] };
  const inner = pkcs7Certificates(body);
  return inner ? { kind: 'pkcs7', certificates: inner } : null;
}
