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
