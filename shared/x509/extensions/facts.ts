import { children, readTlv, type Tlv } from '../der';

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

/** One extension decoder: reads the raw extnValue octets of its OID into the facts. */
export interface ExtensionDecoder {
  readonly oid: string;
  readonly name: string;
  decode(raw: Uint8Array, facts: ExtensionFacts): void;
}

/** The elements of the SEQUENCE that makes up an extension value (or of a nested constructed TLV). */
export function itemsOf(raw: Uint8Array, parent?: Tlv): Tlv[] {
  const outer = parent ?? readTlv(raw);
  return outer ? (children(raw, outer) ?? []) : [];
}

const latin1 = new TextDecoder('latin1');
export const ia5 = (raw: Uint8Array, t: Tlv): string => latin1.decode(raw.subarray(t.start, t.end));
