import type { TrustAnchor } from '../../model/analyzer';
import { fromBase64 } from '../bytes';
import { decodeCertificate } from '../decode-certificate';
import type { CertificateRecord } from '../types';

export type TrustStoreName = TrustAnchor['store'];

export interface Anchor {
  readonly record: CertificateRecord;
  readonly store: TrustStoreName;
}

/** Trust anchors indexed by subject, and by subject + key (a root re-issued with the same key is the same anchor). */
export interface AnchorIndex {
  readonly bySubject: ReadonlyMap<string, readonly Anchor[]>;
  readonly byIdentity: ReadonlyMap<string, Anchor>;
  /** The store a verdict names when no anchor was reached: the first store the caller passed. */
  readonly primaryStore: TrustStoreName;
}

export const identityOf = (r: CertificateRecord): string => `${r.subjectKey}#${r.spkiSha256}`;

const decoded = new Map<string, CertificateRecord | null>();
const indexes = new WeakMap<readonly TrustAnchor[], AnchorIndex>();

function decodeAnchor(derBase64: string): CertificateRecord | null {
  let hit = decoded.get(derBase64);
  if (hit === undefined) {
    const der = fromBase64(derBase64);
    const r = der ? decodeCertificate(der) : null;
    hit = r && r.ok ? r.value : null;
    if (decoded.size > 5000) decoded.clear();
    decoded.set(derBase64, hit);
  }
  return hit;
}

/** Indexes the anchors of an analysis (decoded once per anchor list; undecodable anchors are ignored). */
export function indexAnchors(anchors: readonly TrustAnchor[]): AnchorIndex {
  const cached = indexes.get(anchors);
  if (cached) return cached;
  const bySubject = new Map<string, Anchor[]>();
  const byIdentity = new Map<string, Anchor>();
  for (const a of anchors) {
    const record = decodeAnchor(a.derBase64);
    if (!record) continue;
    const anchor = { record, store: a.store };
    const list = bySubject.get(record.subjectKey) ?? [];
    list.push(anchor);
    bySubject.set(record.subjectKey, list);
    if (!byIdentity.has(identityOf(record))) byIdentity.set(identityOf(record), anchor);
  }
  const index = { bySubject, byIdentity, primaryStore: anchors[0]?.store ?? 'mozilla' };
  indexes.set(anchors, index);
  return index;
}
