/** IPv4 address and CIDR matching for SenderIPAddresses (Exchange Online accepts IPv4, /24–/32). */
export function ipv4ToNumber(ip: string): number | undefined {
  const parts = ip.trim().split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

/** Whether `ip` lies in `range`: a single address, `a.b.c.d/n`, or `a.b.c.d-e.f.g.h`. */
export function ipInRange(ip: string, range: string): boolean {
  const addr = ipv4ToNumber(ip);
  if (addr === undefined) return false;
  const r = range.trim();
  const dash = r.split('-');
  if (dash.length === 2) {
    const lo = ipv4ToNumber(dash[0] ?? '');
    const hi = ipv4ToNumber(dash[1] ?? '');
    return lo !== undefined && hi !== undefined && addr >= lo && addr <= hi;
  }
  const [base = '', bitsText] = r.split('/');
  const start = ipv4ToNumber(base);
  if (start === undefined) return false;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const size = 2 ** (32 - bits);
  const first = Math.floor(start / size) * size;
  return addr >= first && addr < first + size;
}

/** RFC 1918, loopback and link-local: addresses EOP never sees as the sender. */
export function isPrivateIpv4(ip: string): boolean {
  return ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', '169.254.0.0/16'].some((r) => ipInRange(ip, r));
}
