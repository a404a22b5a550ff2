import * as asn1js from 'asn1js';
import { CertBag, EncryptedData, PFX, PKCS8ShroudedKeyBag, PrivateKeyInfo, SafeContents, type SafeBag } from 'pkijs';
import { err, ok, type Result } from '../../result';
import type { InputError, InputWarning } from '../../model/input';
import { toArrayBuffer, toHex } from '../bytes';
import { ASN1_LIMITS } from '../der';
import { BAG, CMS, LOCAL_KEY_ID, X509_CERT_TYPE } from '../oids';
import { decryptPart } from './pkcs12-decrypt';
import { publicPartOfPrivateKey } from './pkcs12-keys';
import { MAX_MAC_ITERATIONS } from './pkcs12-limits';

/** A key found in the PFX, reduced to what links it to a certificate (never the key itself). */
export interface KeyHint {
  readonly publicPart: string | null;
  readonly localKeyId: string | null;
}

export interface Pkcs12Content {
  readonly certificates: ReadonlyArray<{ readonly der: Uint8Array; readonly localKeyId: string | null }>;
  readonly keys: readonly KeyHint[];
  readonly warnings: readonly InputWarning[];
}

const MAC_BROKEN = /integrity/i;
const utf8 = (s: string) => toArrayBuffer(new TextEncoder().encode(s));

function localKeyId(bag: SafeBag): string | null {
  const attr = bag.bagAttributes?.find((a) => a.type === LOCAL_KEY_ID);
  const value = attr?.values[0] as asn1js.OctetString | undefined;
  return value?.valueBlock?.valueHexView ? toHex(value.valueBlock.valueHexView) : null;
}

/** Opens the MAC with the password; an empty password is tried when none was given (RFC 7292 §5). */
async function openMac(pfx: PFX, password: string | undefined): Promise<Result<string, InputError>> {
  // pkijs derives the MAC key with as many hash rounds as the file asks for, before anything tells a wrong
  // password from damage; a count far beyond any exporter's is damage and is refused before that work.
  const iterations = pfx.macData?.iterations ?? 1;
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > MAX_MAC_ITERATIONS) return err({ code: 'input.damaged' });
  const candidates = password !== undefined ? [password] : [''];
  for (const candidate of candidates) {
    try {
      await pfx.parseInternalValues({ password: utf8(candidate), checkIntegrity: pfx.macData !== undefined });
      return ok(candidate);
    } catch (e) {
      if (!MAC_BROKEN.test(String(e))) return err({ code: 'input.damaged' });
    }
  }
  return err({ code: password !== undefined ? 'input.passwordWrong' : 'input.passwordRequired' });
}

/**
 * Reads a PKCS#12 file (.pfx, .p12): the certificates, and for each private key only the public part that
 * tells which certificate it belongs to. The password opens the MAC first, so a wrong one is told apart
 * from damage; it is used for nothing else and not kept.
 */
export async function readPkcs12(bytes: Uint8Array, password?: string): Promise<Result<Pkcs12Content, InputError>> {
  let pfx: PFX;
  try {
    const asn = asn1js.fromBER(toArrayBuffer(bytes), ASN1_LIMITS);
    if (asn.offset === -1) return err({ code: 'input.damaged' });
    pfx = new PFX({ schema: asn.result });
  } catch {
    return err({ code: 'input.damaged' });
  }
  const opened = await openMac(pfx, password);
  if (!opened.ok) return opened;
  const pass = opened.value;
  const certificates: Array<{ der: Uint8Array; localKeyId: string | null }> = [];
  const keys: KeyHint[] = [];
  const warnings: InputWarning[] = [];
  let undecryptable = 0;

  const walk = async (bags: readonly SafeBag[]): Promise<void> => {
    for (const bag of bags) {
      const id = localKeyId(bag);
      if (bag.bagId === BAG.cert && bag.bagValue instanceof CertBag && bag.bagValue.certId === X509_CERT_TYPE) {
        const octets = (bag.bagValue.certValue as asn1js.OctetString).valueBlock.valueHexView;
        certificates.push({ der: new Uint8Array(octets), localKeyId: id });
      } else if (bag.bagId === BAG.key && bag.bagValue instanceof PrivateKeyInfo) {
        keys.push({ publicPart: publicPartOfPrivateKey(bag.bagValue.toSchema().toBER(false)), localKeyId: id });
      } else if (bag.bagId === BAG.shroudedKey && bag.bagValue instanceof PKCS8ShroudedKeyBag) {
        const v = bag.bagValue;
        const out = await decryptPart(v.encryptionAlgorithm, v.encryptedData.valueBlock.valueHexView.slice().buffer, pass);
        keys.push({ publicPart: out.status === 'ok' ? publicPartOfPrivateKey(out.data) : null, localKeyId: id });
      } else if (bag.bagValue instanceof SafeContents) {
        await walk(bag.bagValue.safeBags);
      }
    }
  };

  const parts = pfx.parsedValue?.authenticatedSafe?.safeContents ?? [];
  for (const part of parts) {
    try {
      if (part.contentType === CMS.data) {
        const octets = (part.content as asn1js.OctetString).getValue();
        await walk(SafeContents.fromBER(octets).safeBags);
      } else if (part.contentType === CMS.encryptedData) {
        const info = new EncryptedData({ schema: part.content }).encryptedContentInfo;
        const out = await decryptPart(info.contentEncryptionAlgorithm, info.getEncryptedContent(), pass);
        if (out.status === 'ok') await walk(SafeContents.fromBER(out.data).safeBags);
        else if (out.status === 'unsupported') {
          warnings.push({ code: 'x509.pkcs12.unsupportedEncryption', params: { algorithm: out.algorithm } });
        } else undecryptable++;
      }
    } catch {
      undecryptable++;
    }
  }
  // Without a MAC the password is only tested here: nothing decrypted means it was wrong or missing.
  if (undecryptable > 0 && certificates.length === 0 && pfx.macData === undefined) {
    return err({ code: password !== undefined ? 'input.passwordWrong' : 'input.passwordRequired' });
  }
  if (undecryptable > 0) warnings.push({ code: 'x509.pkcs12.partSkipped', params: { count: undecryptable } });
  return ok({ certificates, keys, warnings });
}
