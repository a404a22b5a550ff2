import { rootCertificates } from 'node:tls';
import { certificateAnalyzer, readCertificateBytes, type CertificateEvidence } from '../../../../shared/x509/index';
import type { TrustAnchor } from '../../../../shared/model/analyzer';
import type { AnalyzerOutput } from '../../../../shared/model/analyzer';
import { fixture } from './fixtures';

/** A time inside every fixture's validity (2025–2045) except the deliberately expired ones. */
export const NOW = new Date('2026-06-01T00:00:00Z');

function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

/** The runtime's Mozilla list, as the CLI passes it. */
export const MOZILLA: readonly TrustAnchor[] = rootCertificates.map((pem) => ({ derBase64: pemBody(pem), store: 'mozilla' }));

/** Trust anchors from fixture PEM files, as a user would add a private CA. */
export function userAnchors(...names: string[]): TrustAnchor[] {
  return names.map((n) => ({ derBase64: pemBody(new TextDecoder().decode(fixture(n))), store: 'user' }));
}

export async function evidenceOf(...names: string[]): Promise<CertificateEvidence[]> {
  const out: CertificateEvidence[] = [];
  for (const name of names) {
    const r = await readCertificateBytes(name, fixture(name), 'Relay-Doctor-1');
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    out.push({ kind: 'certificates', id: name, source: name, origin: 'file', format: r.value.format,
      certificates: r.value.certificates });
  }
  return out;
}

export async function analyze(
  names: string[],
  options: { anchors?: readonly TrustAnchor[]; now?: Date; expectName?: string } = {},
): Promise<AnalyzerOutput & { ids: string[] }> {
  const out = await certificateAnalyzer.analyze(await evidenceOf(...names), {
    now: options.now ?? NOW,
    trustAnchors: options.anchors ?? userAnchors('root.pem'),
    answers: {},
    ...(options.expectName ? { expectName: options.expectName } : {}),
  });
  return { ...out, ids: out.findings.map((f) => f.id).sort() };
}

export function findingsOf(out: AnalyzerOutput, id: string) {
  return out.findings.filter((f) => f.id === id);
}
