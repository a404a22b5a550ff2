/** A certificate as read from any input, decoded once so that every later stage shares the same facts. */
export interface CertificateRecord {
  /** Upper-case hex SHA-1 of the DER: the Windows "thumbprint". */
  readonly sha1: string;
  readonly sha256: string;
  /** DER bytes, Base64, so the record stays JSON-serialisable (case files, IPC, workers). */
  readonly derBase64: string;
  /** RFC 4514-style string, most significant RDN last as Windows shows it: `CN=…, O=…, C=…`. */
  readonly subject: string;
  readonly issuer: string;
  readonly serial: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly dnsNames: readonly string[];
  readonly commonNames: readonly string[];
  readonly eku: readonly string[] | null;
  readonly isCa: boolean;
  readonly selfSigned: boolean;
  readonly subjectKeyId?: string;
  readonly authorityKeyId?: string;
  readonly aiaCaIssuers: readonly string[];
  readonly signatureAlgorithm: string;
  readonly publicKey: { readonly algorithm: 'RSA' | 'EC' | 'other'; readonly bits: number };
}

/** Certificates from one input (a file, a probe capture, a download). */
export interface CertificateEvidence {
  readonly kind: 'certificates';
  readonly id: string;
  readonly source: string;
  readonly origin: 'file' | 'probe' | 'download';
  /** In the order the input held them (order matters for chain.wrongOrder). */
  readonly certificates: readonly CertificateRecord[];
  /** SHA-1 of the certificate whose private key was present in a PFX (the key itself is never kept). */
  readonly privateKeyFor?: string;
  /** For downloads: the URL it came from. For probes: host:port. */
  readonly origin_detail?: string;
}
