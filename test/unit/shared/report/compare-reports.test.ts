import { describe, expect, it } from 'vitest';
import { compareReports } from '../../../../shared/report/compare-reports';
import { REPORT_SCHEMA, type FindingReport, type Report } from '../../../../shared/model/report';
import type { Verdict } from '../../../../shared/model/verdict';
import { comparisonReport, parseEarlierReport, renderComparisonText } from '../../../../shared/report/comparison-report';

const finding = (id: string): FindingReport => ({ id, severity: 'critical', confidence: 'certain', params: {}, evidence: [], title: id, detail: id });
const report = (...ids: string[]): Report => ({
  schema: REPORT_SCHEMA,
  generatedAt: '2026-11-28T12:00:00Z',
  validationTime: '2026-11-28T12:00:00Z',
  locale: 'en',
  inputs: [],
  certificates: [],
  chains: [],
  findings: ids.map(finding),
  causes: [],
});
const verdict = (status: Verdict['status'], cause: string | null): Verdict => ({ status, cause, confidence: cause ? 'certain' : null, next: { action: cause ? 'fix' : 'none', remediation: [], collect: [] }, alternatives: [], mismatches: [], symptom: cause !== null });

describe('compareReports', () => {
  it('reports what the fix resolved, what is new and what is unchanged', () => {
    const c = compareReports(report('chain.missingIntermediate', 'smtp.tenantAttribution'), report('smtp.tenantAttribution', 'cert.expired'));
    expect(c.resolved.map((f) => f.id)).toEqual(['chain.missingIntermediate']);
    expect(c.added.map((f) => f.id)).toEqual(['cert.expired']);
    expect(c.unchanged.map((f) => f.id)).toEqual(['smtp.tenantAttribution']);
  });

  it('counts a repeated finding once per occurrence', () => {
    const c = compareReports(report('cert.expired', 'cert.expired'), report('cert.expired'));
    expect(c.resolved).toHaveLength(1);
    expect(c.unchanged).toHaveLength(1);
  });
});

describe('analyze --before: the comparison by finding id and verdict', () => {
  it('lists resolved, new and still-there findings and both verdicts', () => {
    const before = { ...report('chain.missingIntermediate', 'smtp.tenantAttribution'), verdict: verdict('cause', 'cause.intermediatesNotSent') };
    const after = { ...report('cert.expiresSoon'), verdict: verdict('healthy', null) };
    const c = comparisonReport('before.json', before, after);
    expect(c).toEqual({
      before: { file: 'before.json', generatedAt: '2026-11-28T12:00:00Z' },
      resolved: ['chain.missingIntermediate', 'smtp.tenantAttribution'],
      new: ['cert.expiresSoon'],
      stillThere: [],
      verdict: { before: { status: 'cause', cause: 'cause.intermediatesNotSent' }, after: { status: 'healthy', cause: null } },
    });
    const text = renderComparisonText(c, 'en');
    expect(text).toContain('cause (cause.intermediatesNotSent)');
    expect(text).toMatch(/Resolved \(2\):\n {2}- chain\.missingIntermediate/);
    expect(text).toMatch(/New \(1\):\n {2}- cert\.expiresSoon/);
  });

  it('says when the earlier report had no verdict (a report older than the verdict)', () => {
    const c = comparisonReport('old.json', report('cert.expired'), { ...report('cert.expired'), verdict: verdict('cause', 'cause.expired') });
    expect(c.verdict.before).toBeNull();
    expect(c.stillThere).toEqual(['cert.expired']);
    expect(renderComparisonText(c, 'de')).toContain('keiner gespeichert');
  });

  it('accepts a report@1 file and refuses what is not one', () => {
    const good = parseEarlierReport('r.json', JSON.stringify(report('cert.expired')));
    expect(good.ok && good.value.findings.map((f) => f.id)).toEqual(['cert.expired']);
    for (const text of ['not json', '{}', JSON.stringify({ schema: 'relay-doctor/preflight@1', findings: [] }), JSON.stringify({ schema: REPORT_SCHEMA, findings: [{ id: 7 }] })]) {
      const r = parseEarlierReport('x.json', text);
      expect(r.ok ? 'ok' : r.error.code).toBe('compare.notReport');
    }
  });
});
