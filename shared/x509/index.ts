/** Public surface of the certificate area: what other parts of Relay Doctor may use. */
export { decodeCertificate, parseCertificate } from './decode-certificate';
export { readCertificateBytes, detectCertificateFormat, type CertificateReadResult } from './read-certificate-bytes';
export { matchesConnectorName, connectorNameMatch, isValidConnectorName, type NameMatch } from './name-match';
export { analyzeChains, type ChainAnalysis, type ChainVerdict } from './chain/analyze-chains';
export type { CandidatePath, PathNode } from './chain/paths';
export type { AlternativeReason } from './chain/choose';
export { certificateAnalyzer } from './analyzer';
export { clearSignatureCache } from './chain/verify';
export { CERTIFICATE_READERS } from './readers';
export { EKU_NAMES } from './oids';
export type { CertificateRecord, CertificateEvidence, CertificateFormat } from './types';
