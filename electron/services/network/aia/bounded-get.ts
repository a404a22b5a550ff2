import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { LookupFunction } from '../connect';
import { guardedLookup, RefusedAddressError, refusedRange } from './address-policy';
import { codeForSocketError, detailOf, networkError, type NetworkError } from '../errors';
import { err, ok, type Result } from '../../../../shared/result';

export interface BoundedGetOptions {
  readonly maxBytes: number;
  /** For the whole download, redirects included. */
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  readonly lookup?: LookupFunction;
  /**
   * Lets the download reach loopback, private and other non-public addresses: only for a lab PKI whose AIA
   * host is on the admin's own network (the CLI's `--allow-private-aia`). The app never sets it.
   */
  readonly allowPrivateAddresses?: boolean;
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

/** A URL for messages: without userinfo, so a password in a crafted AIA URL is never shown or logged. */
function shown(url: URL): string {
  const copy = new URL(url.toString());
  copy.username = '';
  copy.password = '';
  return copy.toString().slice(0, 300);
}

/**
 * Only http and https (AIA may also name ldap: or file:, which this app never follows), and no userinfo:
 * `http://user:pw@host/` would make Node send `Authorization: Basic`, credentials chosen by whoever made the
 * certificate. The WHATWG parser also normalises every spelling of an address (`2130706433`, `0x7f.1`,
 * `0177.0.0.1`, `127.1`, full-width digits, ideographic dots) into the dotted form the address check reads.
 */
export function allowedUrl(text: string): Result<URL, NetworkError> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return err(networkError('network.aiaNotAllowedScheme', { url: text.slice(0, 300), scheme: '' }));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return err(networkError('network.aiaNotAllowedScheme', { url: shown(url), scheme: url.protocol.replace(/:$/, '') }));
  }
  if (url.username !== '' || url.password !== '') return err(networkError('network.aiaUserinfo', { url: shown(url) }));
  return ok(url);
}

/** The host as an address when the URL names one directly (no lookup happens for it), else null. */
function literalAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return net.isIP(host) !== 0 ? host : null;
}

function refusedAddress(url: URL, address: string, range: string): NetworkError {
  return networkError('network.aiaPrivateAddress', { url: shown(url), host: url.hostname, address, range });
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
      // Spelled out rather than passing the URL: a URL object's userinfo would become an auth header.
      protocol: url.protocol,
      hostname: host.replace(/^\[(.*)\]$/, '$1'),
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname + url.search,
      headers: { accept: 'application/pkix-cert, application/pkcs7-mime, application/x-x509-ca-cert, */*' },
      // The addresses are checked inside the lookup that the socket connects with (no second resolution).
      ...(o.allowPrivateAddresses ? (o.lookup ? { lookup: o.lookup } : {}) : { lookup: guardedLookup(o.lookup) }),
      // The downloaded certificate is trusted only after it verifies the child's signature, so the TLS
      // server's own chain does not matter (and AIA over https is often broken in exactly the way we diagnose).
      ...(url.protocol === 'https:' ? { rejectUnauthorized: false } : {}),
    };
    const req = (url.protocol === 'https:' ? https : http).get(options, (res) => {
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) && res.headers.location) {
        // A Location that does not parse is no address to follow (and must not throw out of this callback).
        const target = URL.parse(res.headers.location, url);
        settle(target ? ok({ redirect: target.toString() }) : err(networkError('network.aiaNotAllowedScheme', { url: res.headers.location.slice(0, 300), scheme: '' })));
        return;
      }
      if (status !== 200) {
        settle(err(networkError('network.aiaHttpError', { url: url.toString(), status })));
        return;
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > o.maxBytes) {
        settle(err(networkError('network.aiaTooLarge', { url: url.toString(), limitBytes: o.maxBytes })));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > o.maxBytes) settle(err(networkError('network.aiaTooLarge', { url: url.toString(), limitBytes: o.maxBytes })));
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
    req.on('error', (e) => {
      if (e instanceof RefusedAddressError) settle(err(refusedAddress(url, e.address, e.range)));
      else settle(err(networkError('network.aiaUnreachable', { url: url.toString(), host, reason: unreachableReason(e), detail: detailOf(e) })));
    });
    // The address actually connected, checked once more before a byte of the request is written.
    if (!o.allowPrivateAddresses) {
      req.on('socket', (socket) =>
        socket.once('connect', () => {
          const range = refusedRange(socket.remoteAddress ?? '');
          if (range) settle(err(refusedAddress(url, socket.remoteAddress ?? '', range)));
        }),
      );
    }
  });
}

/**
 * GET with a byte limit, one deadline and a redirect budget. Every hop is checked again: scheme, userinfo,
 * the address (unless allowPrivateAddresses), and its host, which must be the first URL's (a redirect to
 * another host would be a connection the admin never saw in the consent notice).
 */
export async function boundedGet(start: string, o: BoundedGetOptions): Promise<Result<BoundedGetResult, NetworkError>> {
  const deadline = Date.now() + o.timeoutMs;
  const redirects: string[] = [];
  let current = start;
  let firstHost: string | undefined;
  for (;;) {
    const url = allowedUrl(current);
    if (!url.ok) return url;
    firstHost ??= url.value.hostname;
    if (url.value.hostname !== firstHost) {
      return err(networkError('network.aiaRedirectOtherHost', { url: start.slice(0, 300), target: shown(url.value), host: url.value.hostname }));
    }
    const literal = literalAddress(url.value);
    const range = literal && !o.allowPrivateAddresses ? refusedRange(literal) : null;
    if (literal && range) return err(refusedAddress(url.value, literal, range));
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
