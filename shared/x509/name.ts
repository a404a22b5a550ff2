import * as asn1js from 'asn1js';
import { DN_NAMES } from './oids';
import { toHex } from './bytes';

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

function valueText(value: asn1js.AsnType): string {
  const block = (value as { valueBlock?: { value?: unknown } }).valueBlock;
  if (block && typeof block.value === 'string') return block.value;
  // Not a string type: RFC 4514 §2.4 hex form of the encoding.
  return '#' + toHex(new Uint8Array(value.toBER(false)));
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

/**
 * Parses a Name (the DER of its SEQUENCE OF RDN). The display string lists the RDNs most specific first
 * (`CN=…, O=…, C=…`), as Windows, .NET and Exchange show them; multi-valued RDNs are joined with ` + `.
 */
export function parseName(der: ArrayBuffer): ParsedName {
  const parsed = asn1js.fromBER(der);
  const attributes: NameAttribute[] = [];
  const seq = parsed.result as asn1js.Sequence;
  const rdns = (seq.valueBlock?.value ?? []) as asn1js.AsnType[];
  rdns.forEach((rdn, index) => {
    const avas = ((rdn as asn1js.Set).valueBlock?.value ?? []) as asn1js.Sequence[];
    for (const ava of avas) {
      const [type, value] = (ava.valueBlock?.value ?? []) as [asn1js.ObjectIdentifier?, asn1js.AsnType?];
      if (!type || !value || !(type instanceof asn1js.ObjectIdentifier)) continue;
      attributes.push({ oid: type.valueBlock.toString(), value: valueText(value), rdn: index });
    }
  });
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
