import { createDecipheriv, createHmac } from 'node:crypto';

/** TLS 1.3 AEAD suites Node negotiates, by IANA name (RFC 8446 §B.4). CCM suites are off by default in Node. */
const SUITES: Readonly<Record<string, { cipher: 'aes-128-gcm' | 'aes-256-gcm' | 'chacha20-poly1305'; keyLength: number; hash: string }>> = {
  TLS_AES_128_GCM_SHA256: { cipher: 'aes-128-gcm', keyLength: 16, hash: 'sha256' },
  TLS_AES_256_GCM_SHA384: { cipher: 'aes-256-gcm', keyLength: 32, hash: 'sha384' },
  TLS_CHACHA20_POLY1305_SHA256: { cipher: 'chacha20-poly1305', keyLength: 32, hash: 'sha256' },
};

const TAG_LENGTH = 16;

/** HKDF-Expand (RFC 5869 §2.3) alone: node's hkdfSync always runs Extract first, which TLS 1.3 does not want here. */
function hkdfExpand(hash: string, prk: Buffer, info: Buffer, length: number): Buffer {
  const out: Buffer[] = [];
  let t = Buffer.alloc(0);
  for (let i = 1; Buffer.concat(out).length < length; i++) {
    t = createHmac(hash, prk).update(Buffer.concat([t, info, Buffer.from([i])])).digest();
    out.push(t);
  }
  return Buffer.concat(out).subarray(0, length);
}

/** HKDF-Expand-Label with an empty context (RFC 8446 §7.1). */
function expandLabel(hash: string, secret: Buffer, label: string, length: number): Buffer {
  const full = Buffer.from(`tls13 ${label}`, 'ascii');
  const info = Buffer.concat([Buffer.from([length >> 8, length & 0xff, full.length]), full, Buffer.from([0])]);
  return hkdfExpand(hash, secret, info, length);
}

/**
 * Decrypts the handshake records of one direction with its handshake traffic secret (the `keylog` line
 * `SERVER_HANDSHAKE_TRAFFIC_SECRET` or `CLIENT_HANDSHAKE_TRAFFIC_SECRET`). Returns a function that takes the
 * records in order and gives back each inner plaintext's content type and bytes, or null once a record does
 * not decrypt (the application keys have taken over).
 */
export function handshakeDecrypter(
  suite: string,
  secret: Buffer,
): ((header: Buffer, fragment: Buffer) => { type: number; content: Buffer } | null) | null {
  const s = SUITES[suite];
  if (!s) return null;
  const key = expandLabel(s.hash, secret, 'key', s.keyLength);
  const iv = expandLabel(s.hash, secret, 'iv', 12);
  let seq = 0n;
  return (header, fragment) => {
    if (fragment.length < TAG_LENGTH) return null;
    const nonce = Buffer.from(iv);
    const seqBytes = Buffer.alloc(8);
    seqBytes.writeBigUInt64BE(seq++);
    for (let i = 0; i < 8; i++) nonce[4 + i] = (nonce[4 + i] ?? 0) ^ (seqBytes[i] ?? 0);
    try {
      // One overload per AEAD family in @types/node; the GCM one describes all three at run time.
      const d = createDecipheriv(s.cipher as 'aes-128-gcm', key, nonce, { authTagLength: TAG_LENGTH });
      d.setAAD(header);
      d.setAuthTag(fragment.subarray(fragment.length - TAG_LENGTH));
      const inner = Buffer.concat([d.update(fragment.subarray(0, fragment.length - TAG_LENGTH)), d.final()]);
      let end = inner.length;
      while (end > 0 && inner[end - 1] === 0) end--;
      if (end === 0) return null;
      return { type: inner[end - 1] ?? 0, content: inner.subarray(0, end - 1) };
    } catch {
      return null;
    }
  };
}
