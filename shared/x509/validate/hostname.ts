/**
 * Syntax of the names certificates carry (RFC 5280 §4.2.1.6, RFC 1034 §3.5 "preferred name syntax" as CAs
 * apply it): labels of 1–63 letters, digits and hyphens, not starting or ending with a hyphen. Underscores are
 * tolerated (many real certificates still have them, and CryptoAPI accepts them). A wildcard is only a whole
 * leftmost label `*`.
 */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/i;

export function isValidDnsName(name: string, options: { wildcard: boolean }): boolean {
  const body = name.endsWith('.') ? name.slice(0, -1) : name;
  if (body.length === 0 || body.length > 253) return false;
  const labels = body.split('.');
  return labels.every((label, i) => (options.wildcard && i === 0 && label === '*' && labels.length > 1) || LABEL.test(label));
}

/** A dNSName name constraint: '' (every name), or a domain with an optional leading '.'; never a wildcard. */
export function isValidDnsConstraint(constraint: string): boolean {
  if (constraint === '') return true;
  return isValidDnsName(constraint.startsWith('.') ? constraint.slice(1) : constraint, { wildcard: false });
}

/** An rfc822Name: `local@host`, or (as a constraint) a host or `.domain`. */
export function isValidEmail(value: string, options: { constraint: boolean }): boolean {
  const at = value.lastIndexOf('@');
  if (at < 0) return options.constraint && (value === '' || isValidDnsConstraint(value));
  // One '@' only: an unquoted local part cannot hold another (RFC 5321 §4.1.2 Dot-string).
  return at > 0 && value.indexOf('@') === at && isValidDnsName(value.slice(at + 1), { wildcard: false });
}

/** IPv4 dotted quad or IPv6 text (with `::`, and an embedded IPv4 tail) → 4 or 16 octets; null otherwise. */
export function parseIp(text: string): Uint8Array | null {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    return parts.every((n) => n <= 255) ? Uint8Array.from(parts) : null;
  }
  if (!text.includes(':')) return null;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    // An IPv4 tail (`::ffff:192.0.2.1`) is two groups.
    const four = parseIp(tail);
    if (!four || four.length !== 4) return null;
    const hex = (a: number, b: number) => ((a << 8) | b).toString(16);
    return parseIp(`${text.slice(0, lastColon + 1)}${hex(four[0]!, four[1]!)}:${hex(four[2]!, four[3]!)}`);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const group = (s: string) => (s === '' ? [] : s.split(':'));
  const left = group(halves[0]!);
  const right = halves.length === 2 ? group(halves[1]!) : [];
  if ([...left, ...right].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const fill = 8 - left.length - right.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return null;
  const groups = [...left, ...Array<string>(halves.length === 2 ? fill : 0).fill('0'), ...right].map((g) => parseInt(g, 16));
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 0xff;
  });
  return out;
}

export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
