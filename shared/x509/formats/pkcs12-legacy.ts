import * as asn1js from 'asn1js';
import type { AlgorithmIdentifier } from 'pkijs';
import rc2 from 'node-forge/lib/rc2.js';
import des from 'node-forge/lib/des.js';
import util from 'node-forge/lib/util.js';
import { KDF_IV, KDF_KEY, pkcs12Kdf } from './pkcs12-kdf';
import type { DecryptOutcome } from './pkcs12-decrypt';

/** RFC 7292 Appendix C: the PKCS#12 PBE schemes WebCrypto lacks. RC4 variants are not supported. */
const SCHEMES: Readonly<Record<string, { cipher: 'des' | 'rc2'; keyBytes: number; bits?: number }>> = {
  '1.2.840.113549.1.12.1.3': { cipher: 'des', keyBytes: 24 }, // pbeWithSHAAnd3-KeyTripleDES-CBC
  '1.2.840.113549.1.12.1.4': { cipher: 'des', keyBytes: 16 }, // pbeWithSHAAnd2-KeyTripleDES-CBC
  '1.2.840.113549.1.12.1.5': { cipher: 'rc2', keyBytes: 16, bits: 128 }, // pbeWithSHAAnd128BitRC2-CBC
  '1.2.840.113549.1.12.1.6': { cipher: 'rc2', keyBytes: 5, bits: 40 }, // pbewithSHAAnd40BitRC2-CBC
};

export function isLegacyPbe(oid: string): boolean {
  return oid in SCHEMES;
}

const toBinary = (b: Uint8Array): string => {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
};
const fromBinary = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** More iterations than any known exporter uses for the legacy schemes: refused as damaged. */
export const MAX_LEGACY_ITERATIONS = 100_000;

/** Decrypts with a legacy PKCS#12 PBE scheme; bad padding (a wrong password) is `failed`. */
export function decryptLegacy(algorithm: AlgorithmIdentifier, encrypted: Uint8Array, password: string): DecryptOutcome {
  const scheme = SCHEMES[algorithm.algorithmId];
  if (!scheme) return { status: 'unsupported', algorithm: algorithm.algorithmId };
  const params = algorithm.algorithmParams as asn1js.Sequence | undefined;
  const [salt, count] = (params?.valueBlock?.value ?? []) as [asn1js.OctetString?, asn1js.Integer?];
  if (!(salt instanceof asn1js.OctetString) || !(count instanceof asn1js.Integer)) return { status: 'failed' };
  const iterations = count.valueBlock.valueDec;
  // Windows and OpenSSL write 2000–2048 iterations for these schemes. The KDF is pure-JS SHA-1, two runs per
  // attempt: a damaged count of a few million took 30 s for one 5 KB file (fuzzer, issue 12).
  if (iterations < 1 || iterations > MAX_LEGACY_ITERATIONS) return { status: 'failed' };
  const saltBytes = salt.valueBlock.valueHexView;
  let key = pkcs12Kdf(password, saltBytes, iterations, KDF_KEY, scheme.keyBytes);
  const iv = pkcs12Kdf(password, saltBytes, iterations, KDF_IV, 8);
  // Two-key 3DES is K1 K2 K1.
  if (scheme.cipher === 'des' && key.length === 16) key = new Uint8Array([...key, ...key.subarray(0, 8)]);
  const cipher =
    scheme.cipher === 'des'
      ? des.createDecryptionCipher(util.createBuffer(toBinary(key)), 'CBC')
      : rc2.createDecryptionCipher(util.createBuffer(toBinary(key)), scheme.bits ?? 128);
  cipher.start(util.createBuffer(toBinary(iv)));
  cipher.update(util.createBuffer(toBinary(encrypted)));
  if (!cipher.finish()) return { status: 'failed' };
  const out = fromBinary(cipher.output.getBytes());
  return { status: 'ok', data: out.slice().buffer };
}
