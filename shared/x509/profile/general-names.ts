import { children, readTlv, type Tlv } from '../der';
import { oidText } from '../name';

/** RFC 5280 §4.2.1.6 GeneralName forms, by their context tag number. */
export type GeneralNameKind = 'otherName' | 'email' | 'dns' | 'x400' | 'directory' | 'ediParty' | 'uri' | 'ip' | 'registeredId';

const KINDS: readonly GeneralNameKind[] = ['otherName', 'email', 'dns', 'x400', 'directory', 'ediParty', 'uri', 'ip', 'registeredId'];
/** The forms whose content is a string (IA5String, implicitly tagged, so primitive). */
const TEXT_KINDS: ReadonlySet<GeneralNameKind> = new Set(['email', 'dns', 'uri']);

export interface GeneralName {
  readonly kind: GeneralNameKind;
  /** The string of email/dns/uri, the dotted form of an IP (or address/mask), the OID of registeredId; '' otherwise. */
  readonly text: string;
  /** The content octets (an IP address, or the DER of a directoryName's Name). */
  readonly bytes: Uint8Array;
}

const latin1 = new TextDecoder('latin1');

/** IPv4 dotted quad or the eight IPv6 groups, for display (address and mask bytes are also kept). */
export function ipText(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  const groups: string[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return groups.join(':');
}

/** One GeneralName; null when its encoding is not one RFC 5280 allows (wrong form, bad IA5String, …). */
export function generalNameOf(der: Uint8Array, t: Tlv): GeneralName | null {
  if ((t.tag & 0xc0) !== 0x80) return null;
  const kind = KINDS[t.tag & 0x1f];
  if (!kind) return null;
  const constructed = (t.tag & 0x20) !== 0;
  const content = der.subarray(t.start, t.end);
  if (TEXT_KINDS.has(kind)) {
    if (constructed) return null;
    // IA5String: 7-bit only (RFC 5280 §4.2.1.6; internationalised names are A-labels).
    if (content.some((b) => b > 0x7f)) return null;
    return { kind, text: latin1.decode(content), bytes: content };
  }
  if (kind === 'ip') return constructed ? null : { kind, text: ipText(content), bytes: content };
  if (kind === 'registeredId') return constructed ? null : { kind, text: oidText(content), bytes: content };
  if (kind === 'directory') {
    // [4] is EXPLICIT (Name is a CHOICE): the content is one Name SEQUENCE.
    const name = constructed ? readTlv(der, t.start) : null;
    if (!name || name.tag !== 0x30 || name.end !== t.end) return null;
    return { kind, text: '', bytes: der.subarray(name.offset, name.end) };
  }
  return constructed ? { kind, text: '', bytes: content } : null;
}

/** GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName; null when malformed or empty. */
export function generalNamesOf(der: Uint8Array, seq: Tlv | null = readTlv(der)): GeneralName[] | null {
  if (!seq || seq.tag !== 0x30) return null;
  const items = children(der, seq);
  if (!items || items.length === 0) return null;
  const out: GeneralName[] = [];
  for (const t of items) {
    const name = generalNameOf(der, t);
    if (!name) return null;
    out.push(name);
  }
  return out;
}
