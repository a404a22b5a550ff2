import type { Confidence, EvidenceRef, Finding, ParamValue, Severity } from '../../model/finding';

/** Evidence references kept per finding; the count param still says how many events there were. */
const MAX_REFS = 50;

interface Group {
  id: string;
  severity: Severity;
  confidence: Confidence;
  params: Record<string, ParamValue>;
  refs: EvidenceRef[];
  /** Distinct events (records) behind the finding: its `count` param. */
  events: Set<EvidenceRef>;
}

/**
 * Collapses matches into findings: one per finding id and certificate, so a log with hundreds of identical
 * failures gives one finding with a count, not hundreds. The most severe and most certain match wins.
 */
export class FindingGroups {
  private readonly groups = new Map<string, Group>();

  add(key: string, m: { id: string; severity: Severity; confidence: Confidence; params: Record<string, ParamValue>; refs: readonly EvidenceRef[] }): void {
    const g = this.groups.get(`${m.id}\u0000${key}`);
    if (!g) {
      this.groups.set(`${m.id}\u0000${key}`, { ...m, refs: [...m.refs], events: new Set(m.refs.filter(isRecord)) });
      return;
    }
    for (const r of m.refs) if (isRecord(r)) g.events.add(r);
    for (const r of m.refs) if (g.refs.length < MAX_REFS && !g.refs.includes(r)) g.refs.push(r);
    if (rank(m.severity, m.confidence) < rank(g.severity, g.confidence)) {
      g.severity = m.severity;
      g.confidence = m.confidence;
      g.params = { ...g.params, ...m.params };
    }
  }

  findings(): Finding[] {
    return [...this.groups.values()].map((g) => ({
      id: g.id,
      severity: g.severity,
      confidence: g.confidence,
      params: { ...g.params, count: g.events.size },
      evidence: g.refs,
    }));
  }
}

const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const CONFIDENCES: readonly Confidence[] = ['certain', 'likely', 'possible'];
const isRecord = (r: EvidenceRef): boolean => r.includes('#record:');
const rank = (s: Severity, c: Confidence): number => SEVERITIES.indexOf(s) * 10 + CONFIDENCES.indexOf(c);
