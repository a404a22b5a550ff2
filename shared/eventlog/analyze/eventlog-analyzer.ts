import type { Analyzer } from '../../model/analyzer';
import { evidenceOfKind } from '../../model/evidence';
import type { EvidenceRef, ParamValue } from '../../model/finding';
import { readCapi2Event, type Capi2Event } from '../capi2/capi2-event';
import { groupByTask } from '../capi2/correlate';
import type { EventLogEvidence, EventRecord } from '../types';
import { CAPI2_RULES } from './capi2-rules';
import { FindingGroups } from './aggregate';
import { EXCHANGE_EVENT_RULES, EXCHANGE_PROVIDERS, exchangeEventFacts } from './exchange-rules';

/** Processes whose certificate chains belong to TLS on a mail relay (Schannel lives in lsass.exe). */
const TLS_PROCESSES = /^(lsass|edgetransport|msexchangefrontendtransport|msexchangetransport|msexchangesubmission|inetinfo|w3wp)\.exe$/i;
const SSL_POLICY = 'CERT_CHAIN_POLICY_SSL';

const ref = (source: string, recordId: number): EvidenceRef => `${source}#record:${recordId}`;

/** Task ids whose calls are about TLS: an SSL policy check or a TLS process anywhere in the task. */
function tlsTasks(events: readonly Capi2Event[]): Set<string> {
  const out = new Set<string>();
  for (const task of groupByTask(events))
    if (task.events.some((e) => e.policy === SSL_POLICY || TLS_PROCESSES.test(e.processName ?? ''))) out.add(task.taskId);
  return out;
}

function analyzeCapi2(ev: EventLogEvidence, groups: FindingGroups, certRefs: ReadonlySet<string>): void {
  const events = ev.records.map(readCapi2Event).filter((e): e is Capi2Event => e !== null);
  const tls = tlsTasks(events);
  // Event 90 dumps the certificates a task used; their NotAfter dates the expiry findings.
  const notAfter = new Map<string, string>();
  for (const e of events) for (const o of e.objects) if (o.thumbprint && o.notAfter) notAfter.set(o.thumbprint, o.notAfter);
  for (const e of events) {
    const isTls = e.policy === SSL_POLICY || TLS_PROCESSES.test(e.processName ?? '') || (e.taskId !== undefined && tls.has(e.taskId));
    for (const rule of CAPI2_RULES) {
      for (const m of rule.test(e)) {
        const cert = m.certificate ?? e.certificate;
        const thumbprint = cert?.thumbprint;
        const params: Record<string, ParamValue> = {
          subject: cert?.subjectName ?? thumbprint ?? '—',
          process: e.processName ?? '—',
          reason: m.result ? `${m.result.hex}${m.result.symbol ? ` ${m.result.symbol}` : ''}` : (m.flag ?? '—'),
          context: isTls ? 'tls' : 'other',
          computer: e.computer,
          time: e.timeCreated,
          eventId: e.eventId,
          ...(thumbprint ? { thumbprint } : {}),
          ...(thumbprint && notAfter.has(thumbprint) ? { notAfter: notAfter.get(thumbprint) as string } : {}),
          ...(e.policy ? { policy: e.policy } : {}),
          ...(m.result ? { result: m.result.hex, ...(m.result.symbol ? { resultName: m.result.symbol } : {}) } : {}),
          ...(m.flag ? { flag: m.flag } : {}),
          ...(e.taskId ? { taskId: e.taskId } : {}),
          ...(e.chainRef ? { chainRef: e.chainRef } : {}),
        };
        const refs = [ref(ev.source, e.recordId), ...(thumbprint && certRefs.has(thumbprint) ? [`cert:${thumbprint}`] : [])];
        groups.add(`${ev.source}\u0000${thumbprint ?? cert?.subjectName ?? ''}`, {
          id: rule.id,
          severity: isTls ? rule.severity : rule.otherSeverity,
          confidence: isTls ? 'certain' : 'possible',
          params,
          refs,
        });
      }
    }
  }
}

function dataValues(record: EventRecord): string[] {
  const out: string[] = [];
  const walk = (n: { text?: string; children: readonly { text?: string; children: readonly unknown[] }[] }) => {
    if (n.text) out.push(n.text);
    for (const c of n.children) walk(c as typeof n);
  };
  if (record.data) walk(record.data);
  if (record.message) out.push(record.message);
  return out;
}

function analyzeExchange(ev: EventLogEvidence, groups: FindingGroups, certRefs: ReadonlySet<string>): void {
  for (const r of ev.records) {
    if (!EXCHANGE_PROVIDERS.test(r.provider)) continue;
    const rule = EXCHANGE_EVENT_RULES.find((x) => x.eventId === r.eventId);
    if (!rule) continue;
    const facts = exchangeEventFacts(dataValues(r));
    const refs = [ref(ev.source, r.recordId), ...(facts.thumbprint && certRefs.has(facts.thumbprint) ? [`cert:${facts.thumbprint}`] : [])];
    groups.add(`${ev.source}\u0000${facts.thumbprint ?? facts.subject ?? ''}\u0000${rule.scope}`, {
      id: rule.id,
      severity: rule.severity,
      confidence: 'certain',
      params: {
        subject: facts.subject ?? facts.thumbprint ?? '—',
        provider: r.provider,
        scope: rule.scope,
        eventId: r.eventId,
        computer: r.computer,
        time: r.timeCreated,
        ...(facts.thumbprint ? { thumbprint: facts.thumbprint } : {}),
      },
      refs,
    });
  }
}

/**
 * Turns CAPI2 and Exchange transport events into findings (findings.md "Events"). CAPI2 failures outside
 * TLS (code signing, updates) are kept but downgraded to low/possible: they cannot explain a relay failure.
 * A certificate named by thumbprint that is also among the certificate evidence gets a `cert:<SHA-1>`
 * reference, which is how the diagnosis ties an event to the certificate file.
 */
export const eventLogAnalyzer: Analyzer = {
  id: 'eventlog',
  analyze: async (evidence) => {
    const certRefs = new Set(evidenceOfKind(evidence, 'certificates').flatMap((c) => c.certificates.map((x) => x.sha1.toUpperCase())));
    const groups = new FindingGroups();
    for (const ev of evidenceOfKind(evidence, 'events')) {
      analyzeCapi2(ev, groups, certRefs);
      analyzeExchange(ev, groups, certRefs);
    }
    return { findings: groups.findings() };
  },
};
