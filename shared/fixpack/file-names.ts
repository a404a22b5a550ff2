import type { CertificateRecord } from '../x509/types';

/**
 * File name for an intermediate in the fix pack: its position and a readable part of its CN, restricted to
 * characters every file system and zip tool accepts (the CN comes from a certificate: untrusted text).
 */
export function intermediateFileName(cert: CertificateRecord, index: number): string {
  const cn = cert.commonNames[0] ?? /CN=([^,]+)/.exec(cert.subject)?.[1] ?? cert.sha1.slice(0, 8);
  const safe = cn.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 48);
  return `intermediate-${index + 1}-${safe || cert.sha1.slice(0, 8)}.cer`;
}
