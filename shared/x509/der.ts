/**
 * A minimal DER/BER TLV reader used before anything is handed to asn1js: it lets sniffing and the first
 * checks reject random or truncated input in constant time (a 50 MB random file never reaches pkijs).
 */
export interface Tlv {
  readonly tag: number;
  /** Offset of the tag octet (the whole encoding is `offset..end`). */
  readonly offset: number;
  /** Offset of the content octets. */
  readonly start: number;
  /** Offset just past the content octets. */
  readonly end: number;
}

/**
 * Reads the TLV at `offset`; null when the header is malformed or the length runs past the input. With
 * `clamp`, a length that runs past the input is cut to it (to classify a truncated file as damaged).
 */
export function readTlv(bytes: Uint8Array, offset = 0, clamp = false): Tlv | null {
  if (offset + 2 > bytes.length) return null;
  const tag = bytes[offset]!;
  // High-tag-number form does not occur at the levels we inspect.
  if ((tag & 0x1f) === 0x1f) return null;
  let lenByte = bytes[offset + 1]!;
  let pos = offset + 2;
  let length: number;
  if (lenByte < 0x80) {
    length = lenByte;
  } else if (lenByte === 0x80) {
    // Indefinite length (BER, some PKCS#7/PKCS#12 tools): content runs to the end; asn1js sorts it out.
    return { tag, offset, start: pos, end: bytes.length };
  } else {
    lenByte &= 0x7f;
    if (lenByte > 4 || pos + lenByte > bytes.length) return null;
    length = 0;
    for (let i = 0; i < lenByte; i++) length = length * 256 + bytes[pos + i]!;
    pos += lenByte;
  }
  if (pos + length > bytes.length) return clamp ? { tag, offset, start: pos, end: bytes.length } : null;
  return { tag, offset, start: pos, end: pos + length };
}

/** The children of a constructed TLV, in order; null when any child is malformed. */
export function children(bytes: Uint8Array, parent: Tlv, max = 1_000_000): Tlv[] | null {
  const out: Tlv[] = [];
  let pos = parent.start;
  while (pos < parent.end && out.length < max) {
    if (bytes[pos] === 0 && bytes[pos + 1] === 0) break; // end-of-contents of indefinite length
    const child = readTlv(bytes, pos);
    if (!child || child.end > parent.end) return null;
    out.push(child);
    pos = child.end;
  }
  return out;
}

export function slice(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.start, tlv.end);
}

/** The whole encoding (tag, length and content) of a TLV. */
export function encoding(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.offset, tlv.end);
}

/**
 * asn1js limits for whole certificates and containers: its default of 10,000 nodes refuses real
 * certificates with thousands of SANs (badssl's 10000-sans), while the byte limit of the readers
 * (MAX_CERTIFICATE_FILE_BYTES) already bounds the work.
 */
export const ASN1_LIMITS = { maxNodes: 1_000_000 } as const;
