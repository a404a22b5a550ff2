import { evidenceOfKind, type Evidence } from '../../model/evidence';
import { isActionable, type Finding } from '../../model/finding';
import { sameServerName } from '../../model/observation';
import type { EventRecord } from '../../eventlog/types';
import { caseFocus, certificateFits, type CaseFocus } from './focus';
import { sessionFacts, type SessionFact } from './sessions';

/** Evidence more than this far from the symptom is history, not a symptom (domain.md §11.1 "Time"). */
export const PLAUSIBLE_WINDOW_DAYS = 90;
const DAY = 24 * 60 * 60 * 1000;

/** Why a piece of evidence does not belong to the case; each is a finding id of its own (DEVELOPERS.md). */
export type MismatchKind = 'evidence.otherServer' | 'evidence.otherCertificate' | 'evidence.outdated';

export interface Correlation {
  /** The findings that describe the case, with references that do not fit taken out. */
  readonly findings: readonly Finding[];
  /** One finding per piece that did not fit, naming what differs; never support for a cause. */
  readonly mismatches: readonly Finding[];
  readonly focus: CaseFocus;
  readonly sessions: readonly SessionFact[];
}

interface RecordInfo {
  readonly record: EventRecord;
}

/**
 * Ties every event-based finding to the case (domain.md §11.1): an event from another computer than the
 * sending servers the case names, about another certificate, or years from the symptom, is set apart as a
 * mismatch finding that says what differs and what to collect instead. A finding keeps the references that
 * fit; when none fits it leaves the diagnosis.
 */
export function correlate(findings: readonly Finding[], evidence: readonly Evidence[], now: Date, expectName?: string): Correlation {
  const sessions = sessionFacts(evidence);
  const focus = caseFocus(evidence, sessions, now, expectName);
  const records = new Map<string, RecordInfo>();
  for (const ev of evidenceOfKind(evidence, 'events')) for (const r of ev.records) records.set(`${ev.source}#record:${r.recordId}`, { record: r });
  // NDRs are dated by their Date header: a bounce from another year is history too.
  for (const ndr of evidenceOfKind(evidence, 'ndr'))
    for (const m of ndr.messages) {
      if (!m.date) continue;
      const ref = ndr.format === 'text' && ndr.messages.length === 1 ? ndr.source : `${ndr.source}#message:${m.index}`;
      records.set(ref, { record: ndrRecord(m.date, m.generatingServer ?? m.reportingMta ?? '') });
    }

  const kept: Finding[] = [];
  const mismatches = new Map<string, { kind: MismatchKind; finding: Finding; refs: string[]; params: Record<string, string | number> }>();
  for (const f of findings) {
    const recordRefs = f.evidence.filter((r) => records.has(r));
    // Only what could support a cause is weighed: a low or info fact (a CRL unreachable during code signing)
    // stays as it is, whatever it is about.
    if (recordRefs.length === 0 || !isActionable(f)) {
      kept.push(f);
      continue;
    }
    const fitting: string[] = [];
    for (const ref of recordRefs) {
      const why = misfit(f, records.get(ref)!.record, focus);
      if (!why) {
        fitting.push(ref);
        continue;
      }
      const key = `${why.kind}\u0000${f.id}\u0000${why.params['found'] ?? ''}`;
      const m = mismatches.get(key) ?? { kind: why.kind, finding: f, refs: [], params: why.params };
      if (m.refs.length < 20) m.refs.push(ref);
      mismatches.set(key, m);
    }
    if (fitting.length === recordRefs.length) kept.push(f);
    else if (fitting.length > 0) kept.push({ ...f, evidence: f.evidence.filter((r) => !records.has(r) || fitting.includes(r)), params: { ...f.params, count: fitting.length } });
  }
  const mismatchFindings: Finding[] = [...mismatches.values()].map((m) => ({
    id: m.kind,
    severity: 'low',
    confidence: 'certain',
    params: { finding: m.finding.id, count: m.refs.length, ...m.params },
    evidence: m.refs,
  }));
  return { findings: kept, mismatches: mismatchFindings, focus, sessions };
}

/** An NDR as the one field misfit() weighs for it: its time (its server is the case's own, by definition). */
function ndrRecord(date: string, server: string): EventRecord {
  return { recordId: 0, eventId: 0, provider: 'ndr', channel: '', level: 0, timeCreated: date, computer: server.replace(/^\s*dns\s*;\s*/i, ''), system: {}, data: null };
}

function misfit(f: Finding, record: EventRecord, focus: CaseFocus): { kind: MismatchKind; params: Record<string, string | number> } | null {
  // Another server first: the plainest thing to say, and what to collect instead follows from it.
  if (record.provider !== 'ndr' && focus.servers.length > 0 && record.computer && !focus.servers.some((s) => sameServerName(s, record.computer)))
    return { kind: 'evidence.otherServer', params: { found: record.computer, expected: focus.servers.join(', ') } };
  const at = Date.parse(record.timeCreated);
  if (!Number.isNaN(at)) {
    const days = Math.abs(focus.at.getTime() - at) / DAY;
    if (days > PLAUSIBLE_WINDOW_DAYS)
      return {
        kind: 'evidence.outdated',
        params: { found: record.timeCreated.slice(0, 10), expected: focus.at.toISOString().slice(0, 10), days: Math.round(days), computer: record.computer },
      };
  }
  if (record.provider === 'ndr') return null;
  const thumbprint = typeof f.params['thumbprint'] === 'string' ? f.params['thumbprint'] : undefined;
  const subject = typeof f.params['subject'] === 'string' && f.params['subject'] !== '—' ? f.params['subject'] : undefined;
  if (certificateFits(focus, thumbprint, subject) === false)
    return {
      kind: 'evidence.otherCertificate',
      params: { found: subject ?? thumbprint ?? '', expected: focus.names.slice(0, 3).join(', '), computer: record.computer },
    };
  return null;
}
