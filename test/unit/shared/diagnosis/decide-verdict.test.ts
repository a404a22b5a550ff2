import { describe, expect, it } from 'vitest';
import { decideVerdict } from '../../../../shared/diagnosis/decide-verdict';
import type { Cause } from '../../../../shared/model/cause';
import type { SessionFact } from '../../../../shared/diagnosis/correlate/sessions';
import type { CaseFocus } from '../../../../shared/diagnosis/correlate/focus';
import { finding } from './builders';

const focus: CaseFocus = { servers: ['EX01.contoso.com'], thumbprints: new Set(), names: [], leaves: [], unrelatedLeaves: [], at: new Date('2026-11-20T10:00:00Z') };

function session(id: string, outcome: SessionFact['outcome']): SessionFact {
  return { key: `SEND.LOG#${id}`, log: 'SEND.LOG', id, refs: [`SEND.LOG#L${id}`], toEop: true, startTls: true, outcome, codes: outcome === 'refused' ? ['5.7.64'] : [], noCredentials: false, weight: 1 };
}

function cause(id: string, confidence: Cause['confidence'], evidence: string[], remediation = ['remediation.importIntermediates']): Cause {
  return { id, confidence, findings: [], remediation, params: {}, evidence };
}

describe('the one verdict', () => {
  const sessions = [session('1', 'refused'), session('2', 'refused')];

  it('keeps two causes certain only when each rests on failing sessions of its own', () => {
    const own = decideVerdict({
      causes: [cause('cause.intermediatesNotSent', 'certain', ['SEND.LOG#L1']), cause('cause.wrongCertificatePresented', 'certain', ['SEND.LOG#L2'])],
      findings: [finding('smtp.tenantAttribution')], evidence: [], focus, sessions,
    });
    expect(own.causes.map((c) => c.confidence)).toEqual(['certain', 'certain']);
    const shared = decideVerdict({
      causes: [cause('cause.intermediatesNotSent', 'certain', ['SEND.LOG#L1']), cause('cause.certificateNameMismatch', 'certain', ['SEND.LOG#L1'])],
      findings: [finding('smtp.tenantAttribution')], evidence: [], focus, sessions,
    });
    expect(shared.causes.map((c) => [c.id, c.confidence])).toEqual([['cause.intermediatesNotSent', 'certain'], ['cause.certificateNameMismatch', 'likely']]);
    expect(shared.verdict).toMatchObject({ status: 'cause', cause: 'cause.intermediatesNotSent', confidence: 'certain', alternatives: ['cause.certificateNameMismatch'] });
  });

  it('says what to collect and where when nothing can be concluded, and is a problem when a refusal was seen', () => {
    const none = decideVerdict({ causes: [], findings: [finding('smtp.tenantAttribution')], evidence: [], focus, sessions: [] });
    expect(none.verdict).toMatchObject({ status: 'insufficientEvidence', cause: null, symptom: true, next: { action: 'collect', server: 'EX01.contoso.com' } });
    expect(none.verdict.next.collect).toContain('capi2Events');
  });

  it('asks for evidence rather than a fix when the lead is only possible', () => {
    const possible = decideVerdict({ causes: [cause('cause.intermediatesNotSent', 'possible', [])], findings: [], evidence: [], focus, sessions: [] });
    expect(possible.verdict.next.action).toBe('collect');
    expect(possible.verdict.next.remediation).toEqual(['remediation.importIntermediates']);
  });
});
