import { fromBase64 } from '../bytes';

/** One armoured block of a PEM file. `der` is null when its Base64 body is broken. */
export interface PemBlock {
  readonly label: string;
  readonly der: Uint8Array | null;
}

const BLOCK = /-----BEGIN ([A-Z0-9 #_-]+)-----([\s\S]*?)-----END \1-----/g;
const BEGIN = /-----BEGIN [A-Z0-9 #_-]+-----/g;

/**
 * Every armoured block in the text, in order. Text around the blocks (OpenSSL's "Bag Attributes",
 * `subject=` lines, mail quoting) is ignored; RFC 1421 headers inside a block (`Proc-Type:`) are skipped.
 * A BEGIN line without its END counts as a broken block.
 */
export function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const body = (m[2] ?? '')
      .split(/\r?\n|\r/)
      .filter((line) => !line.includes(':'))
      .join('');
    const der = fromBase64(body);
    out.push({ label: m[1] ?? '', der: der && der.length > 0 ? der : null });
  }
  const begins = text.match(BEGIN)?.length ?? 0;
  for (let i = out.length; i < begins; i++) out.push({ label: 'UNTERMINATED', der: null });
  return out;
}

export function hasPemArmour(text: string): boolean {
  return /-----BEGIN [A-Z0-9 #_-]+-----/.test(text);
}

/**
 * Base64 without armour, as some Windows tools copy a certificate: the whole text is Base64 (line breaks
 * allowed). Returns the bytes, or null when the text is anything else.
 */
export function bareBase64(text: string): Uint8Array | null {
  const trimmed = text.trim();
  if (trimmed.length < 64 || !/^[A-Za-z0-9+/=\s_-]+$/.test(trimmed)) return null;
  const der = fromBase64(trimmed);
  return der && der.length > 0 ? der : null;
}

/** Decodes just the start of a text that may be bare Base64, to sniff what it holds without decoding it all. */
export function base64Prefix(text: string, chars = 4096): Uint8Array | null {
  const head = text.slice(0, chars * 2).replace(/\s+/g, '');
  if (head.length < 64 || !/^[A-Za-z0-9+/=_-]+$/.test(head)) return null;
  return fromBase64(head.slice(0, Math.min(head.length, chars) & ~3).replace(/=+$/, ''));
}
