import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, EncryptedContentInfo, getCrypto } from 'pkijs';
import { toArrayBuffer } from '../bytes';
import { CMS, PBES2 } from '../oids';

export type DecryptOutcome =
  | { readonly status: 'ok'; readonly data: ArrayBuffer }
  | { readonly status: 'failed' }
  | { readonly status: 'unsupported'; readonly algorithm: string };

/**
 * Decrypts one encrypted PKCS#12 part (a SafeContents or a shrouded key). PBES2 (PBKDF2 + AES, what
 * OpenSSL 3 and Windows "AES256-SHA256" exports use) goes through WebCrypto; the legacy PKCS#12 PBE
 * schemes (3DES, RC2, RC4 — RFC 7292 Appendix C) are not available in WebCrypto and are reported.
 */
export async function decryptPart(
  algorithm: AlgorithmIdentifier,
  encrypted: ArrayBuffer,
  password: string,
): Promise<DecryptOutcome> {
  if (algorithm.algorithmId !== PBES2) return { status: 'unsupported', algorithm: algorithm.algorithmId };
  try {
    const data = await getCrypto(true).decryptEncryptedContentInfo({
      password: toArrayBuffer(new TextEncoder().encode(password)),
      encryptedContentInfo: new EncryptedContentInfo({
        contentType: CMS.data,
        contentEncryptionAlgorithm: algorithm,
        encryptedContent: new asn1js.OctetString({ valueHex: encrypted }),
      }),
    });
    return { status: 'ok', data };
  } catch {
    // A wrong password shows up as bad padding; an unknown cipher inside PBES2 as an engine error.
    return { status: 'failed' };
  }
}
