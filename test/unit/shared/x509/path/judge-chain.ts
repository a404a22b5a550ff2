import { certificateAnalyzer } from '../../../../../shared/x509/analyzer';
import type { CertificateEvidence } from '../../../../../shared/x509/types';
import type { Finding } from '../../../../../shared/model/finding';
import { PATH_VIOLATION_IDS } from '../../../../../shared/x509/validate/index';
import type { TestCertificate } from './cert-factory';

export const AT = new Date('2026-06-01T00:00:00Z');
const PATH_IDS = new Set(PATH_VIOLATION_IDS);

/**
 * Runs the certificate analyzer as the CLI does: the leaf and intermediates as one supplied file, the roots as
 * the user's trust anchors. Returns every finding and, apart, the path validation ones as `id@position`.
 */
export async function judgeChain(
  supplied: readonly TestCertificate[],
  roots: readonly TestCertificate[],
  options: { expectName?: string; at?: Date } = {},
): Promise<{ findings: readonly Finding[]; path: string[]; critical: string[] }> {
  const evidence: CertificateEvidence = { kind: 'certificates', id: 'chain.pem', source: 'chain.pem', origin: 'file', format: 'pem',
    certificates: supplied.map((c) => c.record) };
  const out = await certificateAnalyzer.analyze([evidence], {
    now: options.at ?? AT,
    trustAnchors: roots.map((r) => ({ derBase64: r.record.derBase64, store: 'user' as const })),
    answers: {},
    ...(options.expectName ? { expectName: options.expectName } : {}),
  });
  return {
    findings: out.findings,
    path: out.findings.filter((f) => PATH_IDS.has(f.id)).map((f) => `${f.id}@${String(f.params['position'])}`).sort(),
    critical: [...new Set(out.findings.filter((f) => f.severity === 'critical').map((f) => f.id))].sort(),
  };
}
