import type { TrustAnchor } from '../model/analyzer';
import type { AnyInput, Limits } from '../model/input';
import { DEFAULT_LIMITS } from '../model/input';
import { evidenceOfKind } from '../model/evidence';
import type { Evidence } from '../model/evidence';
import type { Report, TrustedRootReport } from '../model/report';
import type { CertificateRecord } from '../x509/types';
import { readInputs } from './read-inputs';

/** A root the admin trusts for this case: the CLI's `--trust <file>`, the app's "Trust this root" or root file. */
export interface TrustedRoot extends TrustedRootReport {
  readonly derBase64: string;
}

/**
 * Reads the files the admin trusts (the one implementation behind `--trust` and the app's own roots): every
 * certificate in them, through the engine's own certificate readers (PEM, DER, PKCS#7), becomes a root the
 * admin trusts. A file that holds no certificate is returned in `unreadable`, so the caller can say so
 * instead of silently judging chains without it.
 */
export async function readTrustFiles(
  files: readonly AnyInput[],
  limits: Limits = DEFAULT_LIMITS,
): Promise<{ roots: TrustedRoot[]; unreadable: string[] }> {
  const roots: TrustedRoot[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    const read = await readInputs([file], { limits });
    const certs = evidenceOfKind(read.evidence, 'certificates').flatMap((e) => e.certificates);
    if (certs.length === 0) unreadable.push(file.name);
    for (const cert of certs) {
      if (roots.some((r) => r.sha1 === cert.sha1)) continue;
      roots.push({ sha1: cert.sha1, subject: cert.subject, source: file.name, derBase64: cert.derBase64 });
    }
  }
  return { roots, unreadable };
}

/** The admin's roots as trust anchors of their own store, `user`: a chain they anchor says "your own". */
export function userTrustAnchors(roots: readonly TrustedRoot[]): TrustAnchor[] {
  return roots.map((r) => ({ derBase64: r.derBase64, store: 'user' }));
}

/**
 * The roots the app offers to trust ("Trust this root for this case"): the self-signed top of each chain that
 * ends in a root no store trusts, with its DER from the evidence (the report carries none), named by the file
 * it came from. Computed next to the evidence, like the AIA children.
 */
export function untrustedRoots(evidence: readonly Evidence[], report: Report): TrustedRoot[] {
  const bySha1 = new Map<string, { record: CertificateRecord; source: string }>();
  for (const e of evidence) if (e.kind === 'certificates') for (const c of e.certificates) if (!bySha1.has(c.sha1)) bySha1.set(c.sha1, { record: c, source: e.source });
  const out = new Map<string, TrustedRoot>();
  for (const chain of report.chains) {
    const top = chain.path[chain.path.length - 1];
    const hit = top === undefined ? undefined : bySha1.get(top);
    if (chain.status !== 'untrusted' || !hit || !hit.record.selfSigned) continue;
    out.set(hit.record.sha1, { sha1: hit.record.sha1, subject: hit.record.subject, source: hit.source, derBase64: hit.record.derBase64 });
  }
  return [...out.values()];
}
