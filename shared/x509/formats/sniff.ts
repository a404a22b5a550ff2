import { readTlv } from '../der';

export type BinaryKind = 'certificate' | 'pkcs7' | 'pkcs12' | 'sst';

const SIGNED_DATA = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

/** Windows serialized store: a zero DWORD then "CERT" (CertSaveStore, CERT_STORE_SAVE_AS_STORE). */
export function isSerializedStore(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0 && bytes[3] === 0 &&
    bytes[4] === 0x43 && bytes[5] === 0x45 && bytes[6] === 0x52 && bytes[7] === 0x54;
}

/**
 * Tells the DER structures apart by their first elements only (constant time, nothing is parsed):
 * Certificate = SEQUENCE { SEQUENCE tbs, … }; PFX = SEQUENCE { INTEGER 3, ContentInfo, … };
 * PKCS#7 = SEQUENCE { OID signedData, [0] … }.
 */
export function sniffBinary(bytes: Uint8Array): BinaryKind | null {
  if (isSerializedStore(bytes)) return 'sst';
  if (bytes[0] !== 0x30) return null;
  const outer = readTlv(bytes, 0, true);
  if (!outer) return null;
  const first = readTlv(bytes, outer.start, true);
  if (!first) return null;
  if (first.tag === 0x30) {
    // A truncated file may end inside the tbsCertificate: its header alone is then the evidence.
    if (first.end >= bytes.length) return first.end - first.start > 64 ? 'certificate' : null;
    const second = readTlv(bytes, first.end, true);
    // tbsCertificate followed by the signature AlgorithmIdentifier.
    return second && second.tag === 0x30 ? 'certificate' : null;
  }
  if (first.tag === 0x02 && first.end - first.start === 1 && bytes[first.start] === 3) return 'pkcs12';
  if (first.tag === 0x06 && first.end - first.start === SIGNED_DATA.length) {
    for (let i = 0; i < SIGNED_DATA.length; i++) if (bytes[first.start + i] !== SIGNED_DATA[i]) return null;
    return 'pkcs7';
  }
  return null;
}

