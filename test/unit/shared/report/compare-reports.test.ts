import { describe, expect, it } from 'vitest';
import { compareReports } from '../../renderer/src/lib/compare-reports';
import { REPORT_SCHEMA, type FindingReport, type Report } from '../../shared/model/report';

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
