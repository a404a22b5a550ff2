/**
 * The production Content-Security-Policy (style.md §3.4). Main sends it as a response header with every
 * app:// file (protocol/renderer-files.ts): the header is the authority, and it holds even if the page's
 * meta tag (renderer/index.html, kept for the dev server and the test harness) is ever weakened; it also
 * carries what a meta tag cannot (`frame-ancestors`). Nothing may be fetched (`connect-src 'none'`): network
 * work is done by main on the user's explicit request.
 */
export const PRODUCTION_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

type Headers = Record<string, string[] | string>;

/** Replaces any CSP header (whatever its case) with ours. */
export function withCspHeader(headers: Headers | undefined, csp: string = PRODUCTION_CSP): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() !== 'content-security-policy') out[k] = Array.isArray(v) ? v : [v];
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}
