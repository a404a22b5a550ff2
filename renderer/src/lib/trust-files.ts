import type { TrustedRoot } from '../../../shared/engine/user-trust';
import { fromBase64 } from '../../../shared/x509/bytes';
import type { TrustFile } from './analysis-protocol';

/** A trust file of the case; `sha1` is known for a root trusted from the chain picture (not for added files). */
export interface CaseTrustFile extends TrustFile {
  readonly sha1?: string;
}

/**
 * "Trust this root for this case": the root's own DER as a trust file of its own (never the evidence file it
 * came in, which may hold the leaf and intermediates too, and those must not become anchors). Named
 * `root-<SHA-1 prefix>.cer`, unique among `taken`.
 */
export function trustFileOf(root: TrustedRoot, taken: ReadonlySet<string>): CaseTrustFile {
  const der = fromBase64(root.derBase64) ?? new Uint8Array();
  let name = `root-${root.sha1.slice(0, 8).toLowerCase()}.cer`;
  for (let n = 2; taken.has(name); n++) name = `root-${root.sha1.slice(0, 8).toLowerCase()}-${n}.cer`;
  return { name, blob: new Blob([new Uint8Array(der)], { type: 'application/pkix-cert' }), sha1: root.sha1 };
}
