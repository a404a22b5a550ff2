/** Public surface of the certificate area: what other parts of Relay Doctor may use. */
export { decodeCertificate, parseCertificate } from './decode-certificate';
export type { CertificateRecord, CertificateEvidence, CertificateFormat } from './types';
