import { evidenceOfKind } from '../model/evidence';
import { err, ok, type Result } from '../result';
import type { CertificateRecord } from '../x509/types';
import type { CheckResult, Outcome, PreflightContext, PreflightError, PreflightInput } from './types';
import type { Params, EvidenceRef } from '../model/finding';
import { parseTlsCertificateName, sameDn } from '../settings/dn';

/** The new certificate's leaf: the one whose key a PFX held, else the first end entity, else the first. */
function pickLeaf(certificates: readonly CertificateRecord[], keyFor: string | undefined): CertificateRecord | undefined {
  return certificates.find((c) => c.sha1 === keyFor) ?? certificates.find((c) => !c.isCa) ?? certificates[0];
}

/** Resolves the new certificate, its chosen path and the current leaves once for every check. */
export function preflightContext(input: PreflightInput): Result<PreflightContext, PreflightError> {
  const certificateInputs = evidenceOfKind(input.evidence, 'certificates');
  const file = certificateInputs.find((e) => e.source === input.newSource && e.certificates.length > 0);
  const leaf = file && pickLeaf(file.certificates, file.privateKeyFor);
  if (!file || !leaf) return err({ code: 'preflight.noCertificate', params: { file: input.newSource } });
  const bySha1 = new Map<string, CertificateRecord>();
  for (const e of certificateInputs) for (const c of e.certificates) if (!bySha1.has(c.sha1)) bySha1.set(c.sha1, c);
  const chain = input.analysis.chains.find((c) => c.leaf === leaf.sha1);
  const path = (chain?.path ?? [leaf.sha1]).map((sha1) => bySha1.get(sha1)).filter((c): c is CertificateRecord => c !== undefined);
  const newShas = new Set(file.certificates.map((c) => c.sha1));
  const currentLeaves = certificateInputs
    .filter((e) => e !== file)
    .flatMap((e) => e.certificates)
    .filter((c) => !c.isCa && !c.selfSigned && !newShas.has(c.sha1));
  return ok({ ...input, file, leaf, path, bySha1, currentLeaves: [...new Map(currentLeaves.map((c) => [c.sha1, c])).values()] });
}

export function result(id: string, outcome: Outcome, reason: string, params: Params = {}, evidence: readonly EvidenceRef[] = []): CheckResult {
  return { id, outcome, reason, params, evidence: [...new Set(evidence)] };
}

/** Whether a Send connector's `<I>issuer<S>subject` names this certificate (order, case and spacing ignored). */
export function namesCertificate(tlsCertificateName: string, cert: Pick<CertificateRecord, 'issuer' | 'subject'>): boolean {
  const parsed = parseTlsCertificateName(tlsCertificateName);
  return parsed !== undefined && sameDn(parsed.issuer, cert.issuer) && sameDn(parsed.subject, cert.subject);
}

/** The certificate's DNS-like names (CN and SAN dNSName), lower-case, once each. */
export function dnsLikeNames(cert: Pick<CertificateRecord, 'commonNames' | 'dnsNames'>): string[] {
  return [...new Set([...cert.commonNames, ...cert.dnsNames].map((n) => n.toLowerCase()).filter((n) => n.includes('.')))];
}

export const DAY_MS = 86_400_000;
