import type { Evidence } from '../model/evidence';
import type { Finding } from '../model/finding';
import type { Cause } from '../model/cause';
import type { Answers } from '../model/answers';
import type { ChainReport } from '../model/report';
import type { Verdict } from '../model/verdict';
import type { CauseRule } from './cause-rule';
import { CAUSE_RULES } from './causes';
import { diagnose } from './diagnose';
import { correlate } from './correlate/correlate';
import { annotateChains, localChainFindings, regradeCertificateFindings, wireChains, wireFindings } from './correlate/chain-origins';
import { decideVerdict } from './decide-verdict';
import { acceptedAlike } from './counter-evidence';
import { mergeSameFacts } from './correlate/same-fact';
import { combineAnswers } from '../questions/infer';

export interface CaseInput {
  readonly findings: readonly Finding[];
  readonly evidence: readonly Evidence[];
  readonly chains: readonly ChainReport[];
  readonly now: Date;
  readonly answers: Answers;
  readonly expectName?: string;
}

export interface CaseDiagnosis {
  readonly findings: readonly Finding[];
  readonly causes: readonly Cause[];
  readonly chains: readonly ChainReport[];
  readonly verdict: Verdict;
}

/**
 * The engine's reasoning (architecture.md "How the engine reasons"): tie each finding to the server, certificate,
 * session and moment it is about and set apart what belongs elsewhere; judge the chains as sent beside as
 * supplied; run the cause rules on the case alone; then give one verdict.
 */
export function diagnoseCase(input: CaseInput, rules: readonly CauseRule[] = CAUSE_RULES): CaseDiagnosis {
  const correlation = correlate(input.findings, input.evidence, input.now, input.expectName);
  const wire = wireChains(input.evidence, input.chains);
  const caseFindings = mergeSameFacts([
    ...regradeCertificateFindings(correlation.findings, correlation.focus, wire, {
      ipConnector: combineAnswers(input.evidence, input.findings, input.answers).connectorType === 'ip',
      mailFlows: correlation.sessions.some((s) => s.toEop && s.outcome === 'accepted'),
    }),
    ...wireFindings(wire),
    ...localChainFindings(input.evidence),
  ]);
  const accepted = acceptedAlike(correlation.sessions);
  const counter: Finding[] = accepted.slice(0, 1).map((s) => ({
    id: 'evidence.acceptedSession',
    severity: 'info',
    confidence: 'certain',
    params: { session: s.id, source: s.source ?? '—', certificate: s.certificate?.subject ?? s.certificate?.thumbprint ?? '—', count: accepted.reduce((n, x) => n + x.weight, 0) },
    evidence: accepted.slice(0, 10).map((x) => x.refs[0]).filter((r): r is string => Boolean(r)),
  }));
  const ranked = diagnose(
    { findings: caseFindings, evidence: input.evidence, answers: input.answers, chains: input.chains, sessions: correlation.sessions, focus: correlation.focus, wire },
    rules,
  );
  const findings = [...caseFindings, ...correlation.mismatches, ...counter];
  const { verdict, causes } = decideVerdict({ causes: ranked, findings, evidence: input.evidence, focus: correlation.focus, sessions: correlation.sessions });
  return { findings, causes, chains: annotateChains(input.chains, input.evidence), verdict };
}
