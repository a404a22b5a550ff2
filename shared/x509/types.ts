/** A certificate as read from any input, decoded once so that every later stage shares the same facts. */
export interface CertificateRecord {
  /** Upper-case hex SHA-1 of the DER: the Windows "thumbprint". */
  readonly sha1: string;
  readonly sha256: string;
  /** DER bytes, Base64, so the record stays JSON-serialisable (case files, IPC, workers). */
  readonly derBase64: string;
  /** Display form as Windows shows it, most specific RDN first: `CN=…, O=…, C=…`. */
  readonly subject: string;
  readonly issuer: string;
  /** Case- and space-insensitive keys of the names, for issuer/subject matching (not for display). */
  readonly subjectKey: string;
  readonly issuerKey: string;
  /** Upper-case hex, as Windows shows the serial number. */
  readonly serial: string;
  readonly version: number;
  /** ISO-8601. */
  readonly notBefore: string;
  readonly notAfter: string;
  /** SAN dNSName entries in certificate order. */
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  /** The subject's CN values (Exchange Online compares CN or SAN). */
  readonly commonNames: readonly string[];
  /** EKU OIDs; null when the certificate has no EKU extension (valid for any purpose). */
  readonly eku: readonly string[] | null;
  readonly keyUsage: readonly string[] | null;
  readonly isCa: boolean;
  readonly pathLength?: number;
  /** Subject equals issuer (and AKI, when present, equals SKI): a root or a self-signed leaf. */
  readonly selfSigned: boolean;
  readonly subjectKeyId?: string;
  readonly authorityKeyId?: string;
  readonly aiaCaIssuers: readonly string[];
  readonly ocspUrls: readonly string[];
  readonly crlUrls: readonly string[];
  /** Display name, e.g. `sha256RSA` (the name certmgr shows), or the OID when unknown. */
  readonly signatureAlgorithm: string;
  readonly signatureAlgorithmOid: string;
  /** The hash of the signature: `SHA-256`, `SHA-1`, `MD5` … or `unknown`. */
  readonly signatureHash: string;
  readonly publicKey: {
    readonly algorithm: 'RSA' | 'EC' | 'other';
    readonly bits: number;
    /** Curve or algorithm name where it is not plain RSA (`P-256`, `Ed25519`). */
    readonly name?: string;
  };
  /** SHA-256 of the SubjectPublicKeyInfo: the same key in a renewed or cross-signed certificate. */
  readonly spkiSha256: string;
  /** The value Set-SendConnector -TlsCertificateName expects: `<I>issuer<S>subject`. */
  readonly sendConnectorName: string;
}

/** The container format a certificate input was read from (order is meaningful only in pem/der/base64). */
export type CertificateFormat = 'der' | 'pem' | 'base64' | 'pkcs7' | 'pkcs12' | 'sst';

/** Certificates from one input (a file, a probe capture, a download). */
export interface CertificateEvidence {
  readonly kind: 'certificates';
  readonly id: string;
  readonly source: string;
  readonly origin: 'file' | 'probe' | 'download';
  readonly format?: CertificateFormat;
  /** In the order the input held them (order matters for chain.wrongOrder). */
  readonly certificates: readonly CertificateRecord[];
  /** SHA-1 of the certificate whose private key was present in a PFX (the key itself is never kept). */
  readonly privateKeyFor?: string;
  /** For downloads: the URL it came from. For probes: host:port. */
  readonly origin_detail?: string;
}
