import type { RawExtension } from '../parse/x509';
import { emptyFacts, type ExtensionDecoder, type ExtensionFacts } from './facts';
import { subjectAltName } from './subject-alt-name';
import { extKeyUsage } from './ext-key-usage';
import { basicConstraints } from './basic-constraints';
import { authorityKeyIdentifier, subjectKeyIdentifier } from './key-identifiers';
import { authorityInfoAccess } from './authority-info-access';
import { crlDistributionPoints } from './crl-distribution-points';
import { keyUsage } from './key-usage';

/** Registry of extension decoders. An extension nobody decodes is simply not described (never an error). */
export const EXTENSION_DECODERS: readonly ExtensionDecoder[] = [
  // RFC 5280 §4.2.1
  subjectAltName,
  extKeyUsage,
  basicConstraints,
  subjectKeyIdentifier,
  authorityKeyIdentifier,
  keyUsage,
  crlDistributionPoints,
  // RFC 5280 §4.2.2
  authorityInfoAccess,
];

const BY_OID = new Map(EXTENSION_DECODERS.map((d) => [d.oid, d]));

/** Collects the facts of every known extension; a malformed one is skipped and named in `damaged`. */
export function decodeExtensions(extensions: readonly RawExtension[]): {
  facts: ExtensionFacts;
  damaged: string[];
} {
  const facts = emptyFacts();
  const damaged: string[] = [];
  for (const ext of extensions) {
    const decoder = BY_OID.get(ext.oid);
    if (!decoder) continue;
    try {
      decoder.decode(ext.value, facts);
    } catch {
      damaged.push(ext.oid);
    }
  }
  return { facts, damaged };
}

export type { ExtensionFacts } from './facts';
