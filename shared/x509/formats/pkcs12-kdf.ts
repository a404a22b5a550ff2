import { sha1 } from '@noble/hashes/legacy.js';

/** RFC 7292 Appendix B.3 purposes. */
export const KDF_KEY = 1;
export const KDF_IV = 2;

/** The password as RFC 7292 Appendix B.1 wants it: BMPString (UTF-16BE) with a terminating NUL. */
function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    out[i * 2] = password.charCodeAt(i) >> 8;
    out[i * 2 + 1] = password.charCodeAt(i) & 0xff;
  }
  return out;
}

function repeatTo(src: Uint8Array, v: number): Uint8Array {
  const len = src.length === 0 ? 0 : v * Math.ceil(src.length / v);
  const out = new Uint8Array(len);
  for (let i = 0; i < len; i++) out[i] = src[i % src.length]!;
  return out;
}

/**
 * The PKCS#12 key derivation (RFC 7292 Appendix B.2) with SHA-1, used by the legacy PBE schemes
 * (pbeWithSHAAnd3-KeyTripleDES-CBC, pbeWithSHAAnd40BitRC2-CBC …) that older Windows exports use.
 */
export function pkcs12Kdf(password: string, salt: Uint8Array, iterations: number, id: number, size: number): Uint8Array {
  const u = 20;
  const v = 64;
  const D = new Uint8Array(v).fill(id);
  const S = repeatTo(salt, v);
  const P = repeatTo(bmpPassword(password), v);
  const I = new Uint8Array(S.length + P.length);
  I.set(S);
  I.set(P, S.length);
  const out = new Uint8Array(Math.ceil(size / u) * u);
  for (let block = 0; block * u < size; block++) {
    let A = sha1(new Uint8Array([...D, ...I]));
    for (let r = 1; r < iterations; r++) A = sha1(A);
    out.set(A, block * u);
    const B = repeatTo(A, v);
    // I_j = (I_j + B + 1) mod 2^(8v) for each v-byte block of I.
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out.subarray(0, size);
}
