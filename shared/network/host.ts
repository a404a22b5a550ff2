/**
 * Host names and `host[:port]` as the admin types them, checked the same way in the page (before the consent
 * notice names them) and in main (ipc-schemas.ts). Pure: no DNS, no URL parsing quirks.
 */
const LABEL = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;

/** A DNS name, an IPv4 address or a bare IPv6 address: nothing with spaces, a scheme, a path or a port. */
export function isHostName(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  if (IPV4.test(value)) return true;
  if (value.includes(':')) return IPV6.test(value) && value.split('::').length <= 2;
  // A dotted quad that is not a valid IPv4 address (999.1.1.1) is a typo, not a name.
  if (/^[\d.]+$/.test(value)) return false;
  const labels = value.endsWith('.') ? value.slice(0, -1).split('.') : value.split('.');
  return labels.every((l) => LABEL.test(l));
}

/**
 * `mail.contoso.com`, `mail.contoso.com:587`, `[2001:db8::1]:25` or a bare IPv6 address; null for anything
 * else. The port is `defaultPort` when none is given.
 */
export function parseHostPort(text: string, defaultPort: number): { host: string; port: number } | null {
  const value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(value);
  const plain = /^([^:]+)(?::(\d{1,5}))?$/.exec(value);
  const [host, portText] = bracketed ? [bracketed[1] ?? '', bracketed[2]] : plain ? [plain[1] ?? '', plain[2]] : [value, undefined];
  const port = portText === undefined ? defaultPort : Number(portText);
  if (!isHostName(host) || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { host, port };
}
