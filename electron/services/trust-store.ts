import tls from 'node:tls';
import type { TrustAnchorInfo } from '../../shared/ipc/contract';

/** The Base64 body of every PEM certificate in `pem` (which is exactly the Base64 of its DER). */
export function pemToDerBase64(pem: string): string[] {
  const out: string[] = [];
  const re = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
  for (const m of pem.matchAll(re)) out.push((m[1] ?? '').replace(/\s+/g, ''));
  return out;
}

/**
 * The roots the runtime trusts: Node/Electron's bundled Mozilla list as `mozilla`, and the operating
 * system's store as `system` where the runtime can read it (`tls.getCACertificates`, Node ≥ 22.15 / 23.5).
 * A root in both lists appears once per store, so a consumer can say which store trusts it. The count
 * differs between runtimes and machines; callers must never rely on it.
 */
export function runtimeTrustAnchors(): TrustAnchorInfo[] {
  const anchors: TrustAnchorInfo[] = [];
  const add = (pems: readonly string[], store: TrustAnchorInfo['store']): void => {
    const seen = new Set<string>();
    for (const der of pems.flatMap(pemToDerBase64)) {
      if (seen.has(der)) continue;
      seen.add(der);
      anchors.push({ derBase64: der, store });
    }
  };
  add(tls.rootCertificates, 'mozilla');
  add(systemCertificates(), 'system');
  return anchors;
}

function systemCertificates(): string[] {
  const get = (tls as { getCACertificates?: (type: 'system') => string[] }).getCACertificates;
  if (typeof get !== 'function') return [];
  try {
    return get('system');
  } catch {
    // An unreadable OS store is not an error for the app: the Mozilla list still applies.
    return [];
  }
}
