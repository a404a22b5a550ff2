import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, EncryptedContentInfo, getCrypto, PBES2Params, PBKDF2Params } from 'pkijs';
import { toArrayBuffer } from '../bytes';
import { CMS, PBES2 } from '../oids';
import { decryptLegacy, isLegacyPbe } from './pkcs12-legacy';
import { MAX_PBES2_ITERATIONS } from './pkcs12-limits';

export type DecryptOutcome =
  | { readonly status: 'ok'; readonly data: ArrayBuffer }
  | { readonly status: 'failed' }
  | { readonly status: 'unsupported'; readonly algorithm: string };

/**
 * Decrypts one encrypted PKCS#12 part (a SafeContents or a shrouded key). PBES2 (PBKDF2 + AES, what
 * OpenSSL 3 and Windows "AES256-SHA256" exports use) goes through WebCrypto; the legacy PKCS#12 PBE
 * schemes of older Windows exports (3DES, RC2 — RFC 7292 Appendix C) through pkcs12-legacy.ts. RC4 and
 * anything else is reported as unsupported.
 */
export async function decryptPart(
  algorithm: AlgorithmIdentifier,
  encrypted: ArrayBuffer,
  password: string,
): Promise<DecryptOutcome> {
  if (isLegacyPbe(algorithm.algorithmId)) {
    try {
      return decryptLegacy(algorithm, new Uint8Array(encrypted), password);
    } catch {
      return { status: 'failed' };
    }
  }
  if (algorithm.algorithmId !== PBES2) return { status: 'unsupported', algorithm: algorithm.algorithmId };
  try {
    // WebCrypto runs PBKDF2 for as many rounds as the file asks: a damaged count of 2^31 would take minutes.
    // Such a part is refused like a wrong-password part, as the legacy schemes do beyond their bound.
    const kdf = new PBES2Params({ schema: algorithm.algorithmParams }).keyDerivationFunc;
    const { iterationCount } = new PBKDF2Params({ schema: kdf.algorithmParams });
    if (!Number.isSafeInteger(iterationCount) || iterationCount < 1 || iterationCount > MAX_PBES2_ITERATIONS) {
      return { status: 'failed' };
    }
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
