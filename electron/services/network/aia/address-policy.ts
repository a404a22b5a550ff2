import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import type { LookupFunction } from '../connect';

/**
 * Which addresses an AIA download may connect to (issue 19 item 1). A certificate is evidence, so its AIA URL
 * is attacker-chosen: without this, "Download missing intermediates" would be a request forgery into the
 * admin's own network (loopback services, the cloud metadata address, the intranet). Only global unicast is
 * allowed; everything ipaddr.js classifies otherwise (loopback, private, link-local, CGNAT, multicast,
 * unspecified, broadcast, reserved, documentation, NAT64 64:ff9b::/96, 6to4, Teredo, ULA …) is refused, and
 * IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is judged as the IPv4 address it carries.
 */

/** The range that makes `address` refused, or null when it is a global unicast address. */
export function refusedRange(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // process() turns an IPv4-mapped IPv6 address into its IPv4 address; a zone id (`%eth0`) is kept apart.
    parsed = ipaddr.process(address);
  } catch {
    return 'invalid';
  }
  const range = parsed.range();
  if (range !== 'unicast') return range;
  // ipaddr.js calls the deprecated IPv4-compatible ::a.b.c.d and other unassigned space "unicast": only
  // 2000::/3 is global unicast (RFC 4291 §2.4), so anything outside it is refused as well.
  if (parsed.kind() === 'ipv6' && !parsed.match(ipaddr.IPv6.parse('2000::'), 3)) return 'reserved';
  return null;
}

/** The error a guarded lookup fails with; bounded-get turns it into network.aiaPrivateAddress. */
export class RefusedAddressError extends Error {
  readonly code = 'ERR_AIA_REFUSED_ADDRESS';
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`${host} resolves to ${address} (${range}), which an AIA download may not reach`);
    this.name = 'RefusedAddressError';
  }
}

type LookupAddress = { address: string; family: number };
type LookupCallback = (e: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).get that resolves the name itself, refuses the whole answer when any address is not
 * public, and hands the socket exactly the addresses it checked. The check and the connection therefore use
 * one resolution: a DNS answer that changes between them (rebinding) cannot slip a private address in.
 */
export function guardedLookup(resolver: LookupFunction | undefined): LookupFunction {
  const resolve = (resolver ?? dns.lookup) as unknown as (host: string, o: object, cb: LookupCallback) => void;
  return ((hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    resolve(hostname, { ...options, all: true }, (e, answer) => {
      if (e) return callback(e, '');
      const all: LookupAddress[] = typeof answer === 'string' ? [{ address: answer, family: net.isIP(answer) }] : answer;
      for (const a of all) {
        const range = refusedRange(a.address);
        if (range) return callback(new RefusedAddressError(hostname, a.address, range), '');
      }
      const first = all[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
      if (options.all) callback(null, all);
      else callback(null, first.address, first.family);
    });
  }) as unknown as LookupFunction;
}
