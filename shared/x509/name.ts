import { DN_NAMES } from './oids';
import { toHex } from './bytes';
import { children, readTlv, type Tlv } from './der';

/** One attribute of a distinguished name, in DER order. */
export interface NameAttribute {
  readonly oid: string;
  readonly value: string;
  /** Index of the RDN it belongs to (multi-valued RDNs share one). */
  readonly rdn: number;
}

/** A parsed Name: the attributes, the Windows display string and a key for issuer/subject matching. */
export interface ParsedName {
  readonly attributes: readonly NameAttribute[];
  readonly display: string;
  readonly key: string;
}

/** Dotted form of an OBJECT IDENTIFIER's content octets (X.690 §8.19). */
export function oidText(bytes: Uint8Array): string {
  const parts: number[] = [];
  let value = 0;
  for (const b of bytes) {
    value = value * 128 + (b & 0x7f);
    if (b < 0x80) {
      if (parts.length === 0) parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');
const utf16be = new TextDecoder('utf-16be');

/** The text of a directory string by its universal tag; other types in RFC 4514 §2.4 hex form. */
function stringValue(tag: number, content: Uint8Array, whole: Uint8Array): string {
  switch (tag) {
    case 0x0c: // UTF8String
      return utf8.decode(content);
    case 0x13: // PrintableString
    case 0x16: // IA5String
    case 0x1a: // VisibleString
    case 0x12: // NumericString
    case 0x14: // TeletexString (in practice Latin-1)
      return latin1.decode(content);
    case 0x1e: // BMPString
      return utf16be.decode(content);
    case 0x1c: {
      // UniversalString (UTF-32BE)
      let s = '';
      for (let i = 0; i + 3 < content.length; i += 4) {
        s += String.fromCodePoint(((content[i]! << 24) | (content[i + 1]! << 16) | (content[i + 2]! << 8) | content[i + 3]!) >>> 0);
      }
      return s;
    }
    default:
      return '#' + toHex(whole);
  }
}

/** Windows quotes a value that holds separators or leading/trailing spaces, doubling inner quotes. */
function quoteWindows(value: string): string {
  if (value === '' || /[,+=";<>#\n\r]/.test(value) || /^\s|\s$/.test(value)) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/** RFC 5280 §7.1 lite: case-insensitive, whitespace-collapsed comparison of string values. */
function normalise(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

function attributesOf(der: Uint8Array): NameAttribute[] {
  const out: NameAttribute[] = [];
  const seq = readTlv(der);
  const rdns = seq && seq.tag === 0x30 ? children(der, seq) : null;
  (rdns ?? []).forEach((set: Tlv, index) => {
    for (const ava of children(der, set) ?? []) {
      const [type, value] = children(der, ava) ?? [];
      if (!type || !value || type.tag !== 0x06) continue;
      out.push({
        oid: oidText(der.subarray(type.start, type.end)),
        value: stringValue(value.tag, der.subarray(value.start, value.end), der.subarray(value.offset, value.end)),
        rdn: index,
      });
    }
  });
  return out;
}

/**
 * Parses a Name (the DER of its SEQUENCE OF RDN) with the TLV walker. The display string lists the RDNs
 * most specific first (`CN=…, O=…, C=…`), as Windows, .NET and Exchange show them; multi-valued RDNs are
 * joined with ` + `.
 */
export function parseName(der: Uint8Array): ParsedName {
  const attributes = attributesOf(der);
  const groups = new Map<number, string[]>();
  for (const a of attributes) {
    const label = DN_NAMES[a.oid] ?? `OID.${a.oid}`;
    const list = groups.get(a.rdn) ?? [];
    list.push(`${label}=${quoteWindows(a.value)}`);
    groups.set(a.rdn, list);
  }
  const display = [...groups.entries()]
    .sort((x, y) => y[0] - x[0])
    .map(([, parts]) => parts.join(' + '))
    .join(', ');
  const key = attributes.map((a) => `${a.rdn}:${a.oid}=${normalise(a.value)}`).join('|');
  return { attributes, display, key };
}

export function attributeValues(name: ParsedName, oid: string): string[] {
  return name.attributes.filter((a) => a.oid === oid).map((a) => a.value);
}
