/**
 * The Windows serialized certificate store (.sst from `Export-Certificate -Type SST` or certmgr's
 * "Microsoft Serialized Certificate Store"): an 8-byte header (a zero DWORD, then "CERT"), then elements
 * `{ propId: u32le, encodingType: u32le, length: u32le, value }`. Element 0x20 is an encoded certificate; the
 * properties before it describe it; 0x21 / 0x22 are CRLs and CTLs; an element with id 0 ends the store.
 * Layout: [MS-OSHARED] 2.3.2.5 (serialized certificate store, CertStoreCertificateGroup, EndElementMarkerEntry);
 * Wine's crypt32 tests use the same ids (CERT_CERT_PROP_ID = 32).
 */
const CERT_ELEMENT = 0x20;

export interface SstContent {
  readonly certificates: Uint8Array[];
  /** Elements that ran past the end of the file (a truncated store). */
  readonly damaged: number;
}

export function sstCertificates(bytes: Uint8Array): SstContent {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const certificates: Uint8Array[] = [];
  let damaged = 0;
  let pos = 8;
  while (pos + 12 <= bytes.length) {
    const id = view.getUint32(pos, true);
    const length = view.getUint32(pos + 8, true);
    pos += 12;
    if (id === 0 && length === 0) break;
    if (pos + length > bytes.length) {
      damaged++;
      break;
    }
    if (id === CERT_ELEMENT) certificates.push(bytes.subarray(pos, pos + length));
    pos += length;
  }
  return { certificates, damaged };
}
