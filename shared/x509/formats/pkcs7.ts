import * as asn1js from 'asn1js';
import { toArrayBuffer } from '../bytes';
import { ASN1_LIMITS } from '../der';
import { CMS } from '../oids';

/**
 * The certificates of a PKCS#7 / CMS SignedData (.p7b, .p7c; RFC 5652 §5.1), each as its exact encoding
 * so thumbprints match what Windows shows. null when the structure is not SignedData or is damaged.
 * CRLs and signer infos are ignored: a certificate-only "degenerate" SignedData is what exports contain.
 */
export function pkcs7Certificates(bytes: Uint8Array): Uint8Array[] | null {
  try {
    return certificatesOf(bytes);
  } catch {
    // asn1js throws on some malformed primitives (a GeneralizedTime that is not a time) and a damaged
    // structure can lack the blocks walked below (fuzzer, issue 12): either way the file is damaged.
    return null;
  }
}

function certificatesOf(bytes: Uint8Array): Uint8Array[] | null {
  const asn = asn1js.fromBER(toArrayBuffer(bytes), ASN1_LIMITS);
  if (asn.offset === -1) return null;
  const contentInfo = asn.result as asn1js.Sequence;
  const [type, wrapped] = (contentInfo.valueBlock?.value ?? []) as [asn1js.AsnType?, asn1js.AsnType?];
  if (!(type instanceof asn1js.ObjectIdentifier) || type.valueBlock.toString() !== CMS.signedData) return null;
  const signedData = (wrapped as asn1js.Constructed | undefined)?.valueBlock?.value?.[0] as asn1js.Sequence | undefined;
  const fields = (signedData?.valueBlock?.value ?? []) as asn1js.AsnType[];
  if (fields.length < 3) return null;
  const out: Uint8Array[] = [];
  for (const field of fields) {
    // certificates [0] IMPLICIT CertificateSet
    const id = field.idBlock;
    if (id.tagClass !== 3 || id.tagNumber !== 0) continue;
    for (const choice of ((field as asn1js.Constructed).valueBlock?.value ?? []) as asn1js.AsnType[]) {
      // Only plain certificates (SEQUENCE); attribute and other certificate formats are tagged.
      if (choice.idBlock.tagClass !== 1 || choice.idBlock.tagNumber !== 16) continue;
      out.push(new Uint8Array(choice.valueBeforeDecodeView));
    }
  }
  return out;
}
