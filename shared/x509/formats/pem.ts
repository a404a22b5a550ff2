import { fromBase64 } from '../bytes';

/** One armoured block of a PEM file. `der` is null when its Base64 body is broken. */
export interface PemBlock {
  readonly label: string;
  readonly der: Uint8Array | null;
}

const BEGIN = '-----BEGIN ';
const END = '-----END ';
const DASHES = '-----';

function bodyOf(text: string): Uint8Array | null {
  const body = text
    .split(/\r?\n|\r/)
    .filter((line) => !line.includes(':'))
    .join('');
  const der = fromBase64(body);
  return der && der.length > 0 ? der : null;
}

/**
 * Every armoured block in the text, in order. Text around the blocks (OpenSSL's "Bag Attributes",
 * `subject=` lines, mail quoting) is ignored; RFC 1421 headers inside a block (`Proc-Type:`) are skipped.
 * A BEGIN without its matching END counts as a broken block. One forward scan with indexOf, so a
 * crafted file of many unterminated BEGIN lines stays linear.
 */
export function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  let pos = text.indexOf(BEGIN);
  // The next END at or after the current block; -1 once there is none left (positions only grow).
  let end = -2;
  while (pos >= 0) {
    const labelEnd = text.indexOf(DASHES, pos + BEGIN.length);
    if (labelEnd < 0) break;
    const label = text.slice(pos + BEGIN.length, labelEnd);
    const bodyStart = labelEnd + DASHES.length;
    const nextBegin = text.indexOf(BEGIN, bodyStart);
    if (end !== -1 && end < bodyStart) end = text.indexOf(END, bodyStart);
    if (!/^[A-Z0-9 #_-]{1,64}$/.test(label) || end < 0 || (nextBegin >= 0 && nextBegin < end)) {
      out.push({ label: /^[A-Z0-9 #_-]{1,64}$/.test(label) ? label : 'UNTERMINATED', der: null });
      pos = nextBegin;
      continue;
    }
    const endLabelEnd = text.indexOf(DASHES, end + END.length);
    const endLabel = endLabelEnd >= 0 ? text.slice(end + END.length, endLabelEnd) : '';
    out.push({ label, der: endLabel === label ? bodyOf(text.slice(bodyStart, end)) : null });
    pos = text.indexOf(BEGIN, endLabelEnd >= 0 ? endLabelEnd : end + END.length);
  }
  return out;
}

const BEGIN_ARMOUR = [...'-----BEGIN '].map((c) => c.charCodeAt(0));
const G = 0x47;
const G_AT = '-----BEGIN '.indexOf('G');

/**
 * Whether UTF-8 bytes hold "-----BEGIN ", which hasPemArmour's pattern starts with, without decoding them: an
 * ASCII byte is never part of a multi-byte UTF-8 sequence (nor swallowed with an invalid one), so the decoded
 * text holds it exactly when the bytes do. The rare 'G' is found natively and the rest compared around it.
 */
export function mayHoldPemArmour(bytes: Uint8Array): boolean {
  for (let g = bytes.indexOf(G, G_AT); g >= 0; g = bytes.indexOf(G, g + 1)) {
    const start = g - G_AT;
    let i = 0;
    while (i < BEGIN_ARMOUR.length && bytes[start + i] === BEGIN_ARMOUR[i]) i++;
    if (i === BEGIN_ARMOUR.length) return true;
  }
  return false;
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

/**
 * UTF-8 bytes enough to decode the characters base64Prefix reads (2 × 4096): one UTF-16 code unit takes at
 * most three bytes, and a sequence cut at the end (at most three bytes) decodes differently.
 */
export const BASE64_PREFIX_BYTES = 3 * 2 * 4096 + 3;

/** Decodes just the start of a text that may be bare Base64, to sniff what it holds without decoding it all. */
export function base64Prefix(text: string, chars = 4096): Uint8Array | null {
  const head = text.slice(0, chars * 2).replace(/\s+/g, '');
  if (head.length < 64 || !/^[A-Za-z0-9+/=_-]+$/.test(head)) return null;
  return fromBase64(head.slice(0, Math.min(head.length, chars) & ~3).replace(/=+$/, ''));
}
