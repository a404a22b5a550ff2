/** A small DER encoder for building test certificates byte by byte (X.690), including deliberately wrong ones. */
export type Der = Uint8Array;

export function concat(parts: readonly Der[]): Der {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function lengthOctets(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

export const tlv = (tag: number, ...content: Der[]): Der => {
  const body = concat(content);
  return concat([Uint8Array.from([tag, ...lengthOctets(body.length)]), body]);
};
export const seq = (...c: Der[]): Der => tlv(0x30, ...c);
export const set = (...c: Der[]): Der => tlv(0x31, ...c);
export const bool = (v: boolean): Der => tlv(0x01, Uint8Array.of(v ? 0xff : 0));
export const nul = (): Der => tlv(0x05);
export const octets = (...c: Der[]): Der => tlv(0x04, ...c);
export const bits = (content: Der, unused = 0): Der => tlv(0x03, Uint8Array.of(unused), content);
export const utf8 = (s: string): Der => tlv(0x0c, new TextEncoder().encode(s));
export const ia5 = (s: string): Der => new TextEncoder().encode(s);
/** Context-specific tag [n]; constructed for EXPLICIT tagging or constructed forms. */
export const ctx = (n: number, constructed: boolean, ...c: Der[]): Der => tlv(0x80 | (constructed ? 0x20 : 0) | n, ...c);

/** INTEGER from raw two's-complement octets, or from a non-negative number (minimal encoding). */
export function int(value: number | Der): Der {
  if (typeof value !== 'number') return tlv(0x02, value);
  const bytes: number[] = [];
  let v = value;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return tlv(0x02, Uint8Array.from(bytes));
}

export function oid(text: string): Der {
  const parts = text.split('.').map(Number);
  const out: number[] = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
}

/** UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
export function time(d: Date): Der {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return d.getUTCFullYear() < 2050 ? tlv(0x17, ia5(iso.slice(2) + 'Z')) : tlv(0x18, ia5(iso + 'Z'));
}

/** A Name from (OID, value) pairs, one RDN each, most general first as they are encoded. */
export const name = (...attrs: Array<[string, string]>): Der => seq(...attrs.map(([o, v]) => set(seq(oid(o), utf8(v)))));
export const CN = '2.5.4.3';
export const O = '2.5.4.10';
export const cn = (value: string): Der => name([CN, value]);

export function toPem(der: Der): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}-----END CERTIFICATE-----\n`;
}
