import { describe, expect, it } from 'vitest';
import { compareAnalyses, type ComparableAnalysis } from '../../../../shared/diagnosis/compare';
import { has } from '../../../../shared/i18n/format';
import { LOCALES } from '../../../../shared/i18n/locales';

const LEAF = 'aa11bb22cc33dd44ee55ff6600112233445566aa';
const broken: ComparableAnalysis = {
  findings: [
    { id: 'chain.missingIntermediate', severity: 'critical', params: { leafSha1: LEAF, missingIssuer: 'CN=CA 1' } },
    { id: 'smtp.tenantAttribution', severity: 'critical', params: {} },
    { id: 'chain.rootIncluded', severity: 'info', params: {} },
  ],
  causes: [{ id: 'cause.intermediatesNotSent', confidence: 'certain' }],
};
const clean: ComparableAnalysis = { findings: [{ id: 'chain.rootIncluded', severity: 'info', params: {} }], causes: [] };

describe('compareAnalyses', () => {
  it('calls it fixed when every cause and actionable finding is gone', () => {
    const c = compareAnalyses(broken, clean);
    expect(c.outcome).toBe('fixed');
    expect(c.causes.fixed).toEqual([{ id: 'cause.intermediatesNotSent', before: 'certain' }]);
    expect(c.findings.fixed.map((f) => f.id)).toEqual(['chain.missingIntermediate', 'smtp.tenantAttribution']);
    expect(c.findings.fixed[0]?.subject).toBe(LEAF.toUpperCase());
  });

  it('keeps a finding about the same certificate as still failing, and one about another certificate as new', () => {
    const after: ComparableAnalysis = {
      findings: [
        { id: 'chain.missingIntermediate', severity: 'critical', params: { leafSha1: LEAF.toUpperCase() } },
        { id: 'cert.expired', severity: 'critical', params: { sha1: 'FF' } },
      ],
      causes: [{ id: 'cause.intermediatesNotSent', confidence: 'likely' }, { id: 'cause.certificateInvalid', confidence: 'likely' }],
    };
    const c = compareAnalyses(broken, after);
    expect(c.outcome).toBe('mixed');
    expect(c.causes.stillFailing).toEqual([{ id: 'cause.intermediatesNotSent', before: 'certain', after: 'likely' }]);
    expect(c.causes.new).toEqual([{ id: 'cause.certificateInvalid', after: 'likely' }]);
    expect(c.findings.stillFailing.map((f) => f.id)).toEqual(['chain.missingIntermediate']);
    expect(c.findings.new).toEqual([{ id: 'cert.expired', subject: 'FF', severity: 'critical' }]);
  });

  it('tells improved, unchanged and worse apart', () => {
    const partly: ComparableAnalysis = { findings: [broken.findings[1]!], causes: [] };
    expect(compareAnalyses(broken, partly).outcome).toBe('improved');
    expect(compareAnalyses(broken, broken).outcome).toBe('unchanged');
    expect(compareAnalyses(clean, broken).outcome).toBe('worse');
  });

  it('has a title and detail for every outcome in every language', () => {
    for (const locale of LOCALES)
      for (const o of ['fixed', 'improved', 'unchanged', 'worse', 'mixed'])
        for (const part of ['title', 'detail']) expect(has(locale, `compare.outcome.${o}.${part}`)).toBe(true);
  });
});
