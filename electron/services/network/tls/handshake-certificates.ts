import { handshakeDecrypter } from './tls13-keys';

const CHANGE_CIPHER_SPEC = 20;
const HANDSHAKE = 22;
const APPLICATION_DATA = 23;
const CERTIFICATE = 11;

interface TlsRecord {
  readonly type: number;
  readonly header: Buffer;
  readonly fragment: Buffer;
}

function records(bytes: Buffer): TlsRecord[] {
  const out: TlsRecord[] = [];
  for (let at = 0; at + 5 <= bytes.length; ) {
    const length = bytes.readUInt16BE(at + 3);
    if (at + 5 + length > bytes.length) break;
    out.push({ type: bytes[at] ?? 0, header: bytes.subarray(at, at + 5), fragment: bytes.subarray(at + 5, at + 5 + length) });
    at += 5 + length;
  }
  return out;
}

/** The body of the first handshake message of `type` in a byte stream of concatenated handshake messages. */
function findMessage(stream: Buffer, type: number): Buffer | null {
  for (let at = 0; at + 4 <= stream.length; ) {
    const length = stream.readUIntBE(at + 1, 3);
    if (at + 4 + length > stream.length) return null;
    if (stream[at] === type) return stream.subarray(at + 4, at + 4 + length);
    at += 4 + length;
  }
  return null;
}

/** Splits a Certificate message body (RFC 5246 §7.4.2, RFC 8446 §4.4.2) into the DER list in sent order. */
function certificateList(body: Buffer, tls13: boolean): Buffer[] | null {
  let at = 0;
  if (tls13) at += 1 + (body[0] ?? 0); // certificate_request_context
  if (at + 3 > body.length) return null;
  const end = at + 3 + body.readUIntBE(at, 3);
  if (end > body.length) return null;
  at += 3;
  const out: Buffer[] = [];
  while (at < end) {
    if (at + 3 > end) return null;
    const length = body.readUIntBE(at, 3);
    if (at + 3 + length > end) return null;
    out.push(Buffer.from(body.subarray(at + 3, at + 3 + length)));
    at += 3 + length;
    if (tls13) {
      if (at + 2 > end) return null;
      at += 2 + body.readUInt16BE(at); // per-certificate extensions (OCSP staple, SCTs)
    }
  }
  return out;
}

export interface HandshakeKeys {
  /** IANA suite name (`tlsSocket.getCipher().standardName`). */
  readonly suite: string;
  /** The sender's handshake traffic secret from the `keylog` event; needed for TLS 1.3 only. */
  readonly handshakeSecret?: Buffer;
}

/**
 * The certificates one side put in its Certificate message, exactly as sent, from the raw bytes that side
 * wrote. TLS ≤ 1.2 sends the message in clear before ChangeCipherSpec; TLS 1.3 encrypts it under the
 * handshake keys, which the keylog secret unlocks. Null when the bytes hold no Certificate message (for
 * example a compressed certificate, RFC 8879), so the caller can fall back and say so.
 */
export function certificatesFromHandshake(bytes: Buffer, keys: HandshakeKeys): Buffer[] | null {
  const all = records(bytes);
  const clear: Buffer[] = [];
  let i = 0;
  for (; i < all.length; i++) {
    const r = all[i];
    if (!r || r.type === CHANGE_CIPHER_SPEC || r.type === APPLICATION_DATA) break;
    if (r.type === HANDSHAKE) clear.push(r.fragment);
  }
  const plain = findMessage(Buffer.concat(clear), CERTIFICATE);
  if (plain) return certificateList(plain, false);
  if (!keys.handshakeSecret) return null;
  const decrypt = handshakeDecrypter(keys.suite, keys.handshakeSecret);
  if (!decrypt) return null;
  const inner: Buffer[] = [];
  for (; i < all.length; i++) {
    const r = all[i];
    if (!r || r.type !== APPLICATION_DATA) continue;
    const d = decrypt(r.header, r.fragment);
    if (!d) break;
    if (d.type !== HANDSHAKE) continue;
    inner.push(d.content);
    const body = findMessage(Buffer.concat(inner), CERTIFICATE);
    if (body) return certificateList(body, true);
  }
  return null;
}
