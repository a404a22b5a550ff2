import type { Evidence } from '../model/evidence';
import type { Finding } from '../model/finding';
import type { Cause } from '../model/cause';
import type { CertificateReport, ChainReport } from '../model/report';
import type { AnalysisContext, Analyzer } from '../model/analyzer';
import { ANALYZERS } from './analyzers';
import type { CauseRule } from '../diagnosis/cause-rule';
import { CAUSE_RULES } from '../diagnosis/causes';
import type { Verdict } from '../model/verdict';
import { diagnoseCase } from '../diagnosis/diagnose-case';

export interface Analysis {
  readonly findings: readonly Finding[];
  readonly causes: readonly Cause[];
  readonly verdict: Verdict;
  readonly chains: readonly ChainReport[];
  readonly certificates: readonly CertificateReport[];
}

/**
 * Runs every analyzer over all evidence, then correlates the findings with what they are about and runs the cause
 * rules over the case (diagnose-case.ts). Pure: the same evidence, context and registries always give the same
 * analysis.
 */
export async function analyzeEvidence(
  evidence: readonly Evidence[],
  context: AnalysisContext,
  analyzers: readonly Analyzer[] = ANALYZERS,
  causeRules: readonly CauseRule[] = CAUSE_RULES,
  /** After each analyzer: `done` of `total` analyzers have run. */
  onAnalyzed?: (done: number, total: number) => void,
): Promise<Analysis> {
  const findings: Finding[] = [];
  const chains: ChainReport[] = [];
  const certificates: CertificateReport[] = [];
  for (const [index, analyzer] of analyzers.entries()) {
    const out = await analyzer.analyze(evidence, context);
    findings.push(...out.findings);
    chains.push(...(out.chains ?? []));
    certificates.push(...(out.certificates ?? []));
    onAnalyzed?.(index + 1, analyzers.length);
  }
  const diagnosed = diagnoseCase({ findings, evidence, chains, now: context.now, answers: context.answers, ...(context.expectName ? { expectName: context.expectName } : {}) }, causeRules);
  return { ...diagnosed, certificates };
}
