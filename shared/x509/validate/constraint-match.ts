import { parseName } from '../name';
import type { GeneralName } from '../profile/general-names';
import { isValidDnsConstraint, isValidEmail } from './hostname';

/**
 * Whether a name lies inside one name-constraint subtree, per form (RFC 5280 §4.2.1.10). Each function takes the
 * name and the subtree's base of the same form.
 */
const lower = (s: string) => s.toLowerCase().replace(/\.$/, '');

/** dNSName: the constraint's domain and every name below it ("example.com" covers "a.b.example.com"); '' covers all. */
export function dnsWithin(name: string, constraint: string): boolean {
  const n = lower(name);
  const c = lower(constraint);
  if (c === '') return true;
  if (c.startsWith('.')) return n.endsWith(c);
  return n === c || n.endsWith('.' + c);
}

/**
 * A wildcard name `*.example.com` stands for every one-label name below example.com: it is inside an excluded
 * subtree when any name it stands for could be (RFC 6125 wildcards are judged by the names they cover).
 */
export function wildcardMayEnter(name: string, constraint: string): boolean {
  const n = lower(name);
  if (!n.startsWith('*.')) return false;
  const c = lower(constraint).replace(/^\./, '');
  const base = n.slice(2);
  const dot = c.indexOf('.');
  return dot > 0 && c.slice(dot + 1) === base;
}

/** rfc822Name: `user@host` is that mailbox, `host` every mailbox at host, `.domain` every host below it. */
export function emailWithin(name: string, constraint: string): boolean {
  const at = name.lastIndexOf('@');
  if (at < 0) return false;
  const host = lower(name.slice(at + 1));
  if (constraint.includes('@')) {
    const cAt = constraint.lastIndexOf('@');
    return name.slice(0, at) === constraint.slice(0, cAt) && host === lower(constraint.slice(cAt + 1));
  }
  const c = lower(constraint);
  return c.startsWith('.') ? host.endsWith(c) : host === c;
}

/** iPAddress: address and mask of the same family; the name's address masked equals the constraint's. */
export function ipWithin(address: Uint8Array, constraint: Uint8Array): boolean {
  const n = address.length;
  if (constraint.length !== 2 * n) return false;
  for (let i = 0; i < n; i++) if ((address[i]! & constraint[n + i]!) !== (constraint[i]! & constraint[n + i]!)) return false;
  return true;
}

/** A network mask is a run of ones then zeros (RFC 4632); anything else is a malformed constraint. */
export function isContiguousMask(mask: Uint8Array): boolean {
  let zero = false;
  for (const byte of mask) {
    for (let bit = 7; bit >= 0; bit--) {
      const one = (byte >> bit) & 1;
      if (one && zero) return false;
      if (!one) zero = true;
    }
  }
  return true;
}

/** RDN keys of a Name's DER, for prefix comparison (RFC 5280 §7.1: case- and space-insensitive). */
function rdnKeys(der: Uint8Array): string[] {
  const groups = new Map<number, string[]>();
  for (const part of parseName(der).key.split('|')) {
    if (!part) continue;
    const rdn = Number(part.slice(0, part.indexOf(':')));
    groups.set(rdn, [...(groups.get(rdn) ?? []), part.slice(part.indexOf(':') + 1)]);
  }
  return [...groups.values()].map((parts) => parts.sort().join('+'));
}

/** directoryName: the constraint's RDNs are the first RDNs of the name. */
export function directoryWithin(nameDer: Uint8Array, constraintDer: Uint8Array): boolean {
  const n = rdnKeys(nameDer);
  const c = rdnKeys(constraintDer);
  return c.length <= n.length && c.every((rdn, i) => rdn === n[i]);
}

/** The host of a URI (`scheme://[userinfo@]host[:port]/…`); null when it has none (a URN, a mailto:). */
export function uriHost(uri: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(uri);
  return m && m[1] ? m[1] : null;
}

/** uniformResourceIdentifier: the host equals the constraint, or is below it when it starts with '.'. */
export function uriWithin(uri: string, constraint: string): boolean {
  const host = uriHost(uri);
  if (!host) return false;
  const h = lower(host);
  const c = lower(constraint);
  return c.startsWith('.') ? h.endsWith(c) : h === c;
}

/** A subtree base Relay Doctor cannot apply (bad syntax): the CA is judged for it, never silently ignored. */
export function isValidConstraintBase(base: GeneralName): boolean {
  switch (base.kind) {
    case 'dns':
      return isValidDnsConstraint(base.text);
    case 'ip':
      return (base.bytes.length === 8 || base.bytes.length === 32) && isContiguousMask(base.bytes.subarray(base.bytes.length / 2));
    case 'email':
      return isValidEmail(base.text, { constraint: true });
    case 'uri':
      return base.text === '' || isValidDnsConstraint(base.text);
    default:
      return true;
  }
}
