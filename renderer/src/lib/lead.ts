import type { CauseReport, FindingReport, InputReport, Report } from '../../../shared/model/report';
import type { Verdict } from '../../../shared/model/verdict';
import { verdict as legacyVerdict } from '../../../shared/diagnosis/verdict';
import { rankCauses } from './ranking';

/** What the Findings step leads with: the report's verdict joined to the causes and findings it names. */
export interface Lead {
  readonly verdict: Verdict;
  /** The lead cause, when the verdict has one. */
  readonly cause: CauseReport | null;
  /** The findings the lead cause rests on. */
  readonly support: readonly FindingReport[];
  readonly alternatives: readonly CauseReport[];
  /** Findings set apart: about another server, another certificate or another time. */
  readonly setApart: readonly FindingReport[];
  readonly unreadable: readonly InputReport[];
}

/**
 * A report written before `verdict` existed (an old case file) gets one from its ranked causes, the same way
 * the engine's first version judged it, so the step never has to handle two shapes.
 */
function verdictOf(report: Report): Verdict {
  if (report.verdict) return report.verdict;
  const causes = rankCauses(report.causes);
  const lead = causes[0];
  const status = legacyVerdict(report);
  return {
    status: lead ? 'cause' : status === 'problem' ? 'insufficientEvidence' : status,
    cause: lead?.id ?? null,
    confidence: lead?.confidence ?? null,
    next: lead
      ? { action: 'fix', remediation: lead.remediation, collect: [] }
      : { action: status === 'healthy' ? 'none' : 'collect', remediation: [], collect: [] },
    alternatives: causes.slice(1).map((c) => c.id),
    mismatches: [],
    symptom: false,
  };
}

export function leadOf(report: Report): Lead {
  const verdict = verdictOf(report);
  const causeById = new Map(report.causes.map((c) => [c.id, c]));
  const cause = verdict.cause ? (causeById.get(verdict.cause) ?? null) : null;
  const apartIds = new Set(verdict.mismatches.map((m) => m.finding));
  return {
    verdict,
    cause,
    support: cause ? report.findings.filter((f) => cause.findings.includes(f.id)) : [],
    alternatives: verdict.alternatives.flatMap((id) => causeById.get(id) ?? []),
    setApart: report.findings.filter((f) => apartIds.has(f.id)),
    unreadable: report.inputs.filter((i) => i.status === 'rejected'),
  };
}
