import { X509Certificate } from 'node:crypto';
import { fetchIssuer, signedBy, type FetchedIssuer, type FetchIssuerOptions } from './fetch-issuer';
import type { NetworkError } from '../errors';

/** The caIssuers URLs of a certificate's AIA extension, in the certificate's order. */
export function aiaCaIssuerUrls(der: Uint8Array): string[] {
  let access: string | undefined;
  try {
    access = new X509Certificate(der).infoAccess;
  } catch {
    return [];
  }
  const urls: string[] = [];
  for (const line of (access ?? '').split('\n')) {
    const m = /^CA Issuers - URI:(.*)$/.exec(line.trim());
    if (!m?.[1]) continue;
    // Node quotes values holding separators (JSON string syntax) so a crafted URL cannot fake a second entry.
    const value = m[1].startsWith('"') ? (JSON.parse(m[1]) as string) : m[1];
    urls.push(value);
  }
  return urls;
}

function selfSigned(der: Uint8Array): boolean {
  return signedBy(der, der);
}

export interface MissingIssuerOptions extends FetchIssuerOptions {
  /** Roots already trusted (DER): a certificate they sign needs no download. */
  readonly anchors?: readonly Uint8Array[];
  /** Downloads at most this many issuers in total (default 3: leaf → intermediate → intermediate → root). */
  readonly maxDownloads?: number;
}

export interface MissingIssuerReport {
  readonly fetched: readonly FetchedIssuer[];
  readonly failures: readonly { readonly url: string; readonly error: NetworkError }[];
}

/** True when neither the set nor the anchors hold a certificate that signed `der` (and it is not self-signed). */
function isOrphan(der: Uint8Array, pool: readonly Uint8Array[], anchors: readonly Uint8Array[]): boolean {
  return !selfSigned(der) && !pool.some((c) => c !== der && signedBy(der, c)) && !anchors.some((a) => signedBy(der, a));
}

/**
 * The URLs the first round of `fetchMissingIssuers` would contact, for the "Relay Doctor will contact …"
 * notice shown before anything is downloaded (issue 9, item 4). Later rounds only follow certificates that
 * were downloaded and verified in an earlier one.
 */
export function plannedAiaUrls(certificates: readonly Uint8Array[], anchors: readonly Uint8Array[] = []): string[] {
  const urls = certificates.filter((c) => isOrphan(c, certificates, anchors)).flatMap(aiaCaIssuerUrls);
  return [...new Set(urls)];
}

/**
 * `--fetch-aia`: for every certificate whose issuer is neither in the set nor among the anchors, tries its
 * AIA caIssuers URLs one by one until one gives a verified issuer, and repeats for what was downloaded.
 * Sequential on purpose: few requests, in a predictable order, each URL at most once.
 */
export async function fetchMissingIssuers(certificates: readonly Uint8Array[], opts: MissingIssuerOptions = {}): Promise<MissingIssuerReport> {
  const pool = [...certificates];
  const anchors = opts.anchors ?? [];
  const tried = new Set<string>();
  const fetched: FetchedIssuer[] = [];
  const failures: { url: string; error: NetworkError }[] = [];
  const maxDownloads = opts.maxDownloads ?? 3;
  const orphan = (der: Uint8Array): boolean => isOrphan(der, pool, anchors);
  for (let progress = true; progress && fetched.length < maxDownloads; ) {
    progress = false;
    for (const child of pool.filter(orphan)) {
      for (const url of aiaCaIssuerUrls(child).filter((u) => !tried.has(u))) {
        tried.add(url);
        const r = await fetchIssuer({ url, childDer: child }, opts);
        if (!r.ok) {
          failures.push({ url, error: r.error });
          continue;
        }
        fetched.push(r.value);
        pool.push(r.value.issuerDer);
        progress = true;
        break;
      }
      if (progress) break;
    }
  }
  return { fetched, failures };
}
