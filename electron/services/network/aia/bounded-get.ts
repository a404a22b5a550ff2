import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from '../connect';
import { codeForSocketError, detailOf, networkError, type NetworkError } from '../errors';
import { err, ok, type Result } from '../../../../shared/result';

export interface BoundedGetOptions {
  readonly maxBytes: number;
  /** For the whole download, redirects included. */
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  readonly lookup?: LookupFunction;
}

export interface BoundedGetResult {
  readonly finalUrl: string;
  readonly redirects: readonly string[];
  readonly body: Buffer;
  readonly contentType?: string;
}

type Hop = { readonly redirect: string } | { readonly body: Buffer; readonly contentType?: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Why a host could not be reached, as the `reason` select of `network.aiaUnreachable`. */
function unreachableReason(e: unknown): string {
  const code = codeForSocketError(e, 'download');
  return code === 'network.dnsFailed' ? 'dns' : code === 'network.refused' ? 'refused' : code === 'network.tlsFailed' ? 'tls' : 'other';
}

/** Only http and https: AIA may also name ldap: or file:, which this app never follows. */
export function allowedUrl(text: string): Result<URL, NetworkError> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return err(networkError('network.aiaNotAllowedScheme', { url: text.slice(0, 300), scheme: '' }));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return err(networkError('network.aiaNotAllowedScheme', { url: text.slice(0, 300), scheme: url.protocol.replace(/:$/, '') }));
  }
  return ok(url);
}

function getOnce(url: URL, timeoutMs: number, o: BoundedGetOptions): Promise<Result<Hop, NetworkError>> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (r: Result<Hop, NetworkError>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(r);
    };
    const host = url.hostname;
    const options: https.RequestOptions = {
      agent: false,
      headers: { accept: 'application/pkix-cert, application/pkcs7-mime, application/x-x509-ca-cert, */*' },
      ...(o.lookup ? { lookup: o.lookup } : {}),
      // The downloaded certificate is trusted only after it verifies the child's signature, so the TLS
      // server's own chain does not matter (and AIA over https is often broken in exactly the way we diagnose).
      ...(url.protocol === 'https:' ? { rejectUnauthorized: false } : {}),
    };
    const req = (url.protocol === 'https:' ? https : http).get(url, options, (res) => {
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) && res.headers.location) {
        settle(ok({ redirect: new URL(res.headers.location, url).toString() }));
        return;
      }
      if (status !== 200) {
        settle(err(networkError('network.aiaHttpError', { url: url.toString(), status })));
        return;
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > o.maxBytes) {
        settle(err(networkError('network.aiaTooLarge', { url: url.toString(), limit: o.maxBytes })));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > o.maxBytes) settle(err(networkError('network.aiaTooLarge', { url: url.toString(), limit: o.maxBytes })));
        else chunks.push(c);
      });
      res.on('end', () => {
        const contentType = res.headers['content-type'];
        settle(ok({ body: Buffer.concat(chunks), ...(contentType ? { contentType } : {}) }));
      });
      res.on('error', (e) => settle(err(networkError('network.aiaUnreachable', { url: url.toString(), host, reason: 'other', detail: detailOf(e) }))));
    });
    const timer = setTimeout(
      () => settle(err(networkError('network.aiaUnreachable', { url: url.toString(), host, reason: 'timeout', ms: timeoutMs }))),
      Math.max(timeoutMs, 0),
    );
    req.on('error', (e) =>
      settle(err(networkError('network.aiaUnreachable', { url: url.toString(), host, reason: unreachableReason(e), detail: detailOf(e) }))),
    );
  });
}

/** GET with a byte limit, one deadline, and a redirect budget; every hop's scheme is checked again. */
export async function boundedGet(start: string, o: BoundedGetOptions): Promise<Result<BoundedGetResult, NetworkError>> {
  const deadline = Date.now() + o.timeoutMs;
  const redirects: string[] = [];
  let current = start;
  for (;;) {
    const url = allowedUrl(current);
    if (!url.ok) return url;
    const hop = await getOnce(url.value, deadline - Date.now(), o);
    if (!hop.ok) return hop;
    if ('redirect' in hop.value) {
      if (redirects.length >= o.maxRedirects) {
        return err(networkError('network.aiaTooManyRedirects', { url: start, limit: o.maxRedirects }));
      }
      redirects.push(hop.value.redirect);
      current = hop.value.redirect;
      continue;
    }
    return ok({ finalUrl: url.value.toString(), redirects, body: hop.value.body, ...(hop.value.contentType ? { contentType: hop.value.contentType } : {}) });
  }
}
