import { X509Certificate } from 'node:crypto';
import { boundedGet, type BoundedGetOptions } from './bounded-get';
import { readIssuerContent } from './issuer-content';
import type { LookupFunction } from '../connect';
import { networkError, type NetworkError } from '../errors';
import { err, ok, type Result } from '../../../../shared/result';
import type { FetchedIssuer, FetchIssuerRequest } from '../../../../shared/network/types';
import { AIA_LIMITS } from '../../../../shared/network/types';

export type { FetchedIssuer, FetchIssuerRequest };

export interface FetchIssuerOptions {
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
  readonly maxRedirects?: number;
  readonly lookup?: LookupFunction;
  /** A lab PKI on the admin's own network (the CLI's `--allow-private-aia`); see BoundedGetOptions. */
  readonly allowPrivateAddresses?: boolean;
}

/** Real issuer certificates are 1–3 KiB and PKCS#7 bundles a few more; 1 MiB is generous and still safe. */
export { AIA_LIMITS };

/** Does `issuer` name-match the child and verify its signature? Name match alone proves nothing. */
export function signedBy(childDer: Uint8Array, issuerDer: Uint8Array): boolean {
  try {
    const child = new X509Certificate(childDer);
    const issuer = new X509Certificate(issuerDer);
    return child.checkIssued(issuer) && child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/**
 * Downloads the issuer named by an AIA caIssuers URL (http/https only, no userinfo, public addresses only,
 * size and time limits, few redirects and only on the same host) and returns it only if it really signed the
 * child. Opens connections only to that URL's host.
 */
export async function fetchIssuer(req: FetchIssuerRequest, opts: FetchIssuerOptions = {}): Promise<Result<FetchedIssuer, NetworkError>> {
  const started = performance.now();
  const limits: BoundedGetOptions = {
    maxBytes: opts.maxBytes ?? AIA_LIMITS.maxBytes,
    timeoutMs: opts.timeoutMs ?? AIA_LIMITS.timeoutMs,
    maxRedirects: opts.maxRedirects ?? AIA_LIMITS.maxRedirects,
    ...(opts.lookup ? { lookup: opts.lookup } : {}),
    ...(opts.allowPrivateAddresses ? { allowPrivateAddresses: true } : {}),
  };
  const got = await boundedGet(req.url, limits);
  if (!got.ok) return got;
  const content = readIssuerContent(got.value.body);
  if (!content) {
    return err(networkError('network.aiaNotCertificate', { url: req.url, contentType: got.value.contentType ?? '', sizeBytes: got.value.body.length }));
  }
  const issuer = content.certificates.find((c) => signedBy(req.childDer, c));
  if (!issuer) return err(networkError('network.aiaSignatureMismatch', { url: req.url, count: content.certificates.length }));
  return ok({
    url: req.url,
    finalUrl: got.value.finalUrl,
    redirects: got.value.redirects,
    contentKind: content.kind,
    issuerDer: new Uint8Array(issuer),
    bytes: got.value.body.length,
    ms: performance.now() - started,
  });
}
