/** What the extension decoders collect about one certificate (filled in by the registry in index.ts). */
export interface ExtensionFacts {
  dnsNames: string[];
  ipAddresses: string[];
  emails: string[];
  /** null when the certificate has no EKU extension (= any usage); [] when it has an empty one. */
  eku: string[] | null;
  isCa: boolean;
  pathLength?: number;
  subjectKeyId?: string;
  authorityKeyId?: string;
  aiaCaIssuers: string[];
  ocspUrls: string[];
  crlUrls: string[];
  keyUsage: string[] | null;
}

export function emptyFacts(): ExtensionFacts {
  return {
    dnsNames: [],
    ipAddresses: [],
    emails: [],
    eku: null,
    isCa: false,
    aiaCaIssuers: [],
    ocspUrls: [],
    crlUrls: [],
    keyUsage: null,
  };
}

/**
 * One extension decoder: reads pkijs' parsed value of its OID (or the raw extnValue octets, where pkijs'
 * parse is too slow or gives up) into the facts, never throws outward.
 */
export interface ExtensionDecoder {
  readonly oid: string;
  readonly name: string;
  decode(parsedValue: unknown, facts: ExtensionFacts, raw: Uint8Array): void;
}

/** pkijs GeneralName: type 1 rfc822Name, 2 dNSName, 6 URI, 7 iPAddress (RFC 5280 §4.2.1.6). */
export interface GeneralNameLike {
  readonly type: number;
  readonly value: unknown;
}
