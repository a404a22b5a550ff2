import { CONFIDENCE_ORDER, isActionable, type Finding } from '../model/finding';
import type { Cause } from '../model/cause';
import { evidenceOfKind, type Evidence } from '../model/evidence';
import type { CollectKey, Verdict } from '../model/verdict';
import type { CaseFocus } from './correlate/focus';
import type { SessionFact } from './correlate/sessions';
import { sameServerName } from '../model/observation';

/**
 * Refusals and TLS failures: what makes "not enough evidence" still a problem to report (exit status 1). A plain
 * session without STARTTLS is no symptom by itself: an IP-based connector accepts it.
 */
export const SYMPTOMS = [
  'smtp.tenantAttribution',
  'smtp.attr36',
  'smtp.untrustedRoot',
  'smtp.wrongRegion',
  'smtp.directSendRejected',
  'smtp.outdatedServer',
  'smtp.noCredentials',
  'smtp.legacyTls',
];

export interface VerdictInput {
  readonly causes: readonly Cause[];
  /** Every finding of the analysis, mismatches included. */
  readonly findings: readonly Finding[];
  readonly evidence: readonly Evidence[];
  readonly focus: CaseFocus;
  readonly sessions: readonly SessionFact[];
}

/**
 * One verdict (findings.md "verdict"; issue 17 item 5): the lead cause, how sure, the one next action and the
 * alternatives. Two causes stay "certain" together only when each rests on failing sessions of its own; a later
 * certain cause that shares the lead's sessions (or rests on none) is shown as likely. With no cause the verdict
 * says what is missing and where to get it, or that nothing is wrong when decisive evidence shows no problem.
 */
export function decideVerdict(input: VerdictInput): { verdict: Verdict; causes: Cause[] } {
  const causes = rankOwnSessions(input.causes, input.sessions);
  const symptom =
    input.findings.some((f) => SYMPTOMS.includes(f.id) && isActionable(f)) ||
    input.sessions.some((s) => s.toEop && (s.outcome === 'refused' || s.outcome === 'tlsFailed'));
  const mismatches = input.findings.filter((f) => f.id.startsWith('evidence.') && f.id !== 'evidence.acceptedSession').map((f) => ({ finding: f.id, evidence: f.evidence }));
  const lead = causes[0];
  const missing = missingEvidence(input.evidence);
  const server = (lead && serverOf(lead, input)) ?? input.focus.servers[0];
  const at = server ? { server } : {};

  if (lead) {
    const sure = CONFIDENCE_ORDER.indexOf(lead.confidence) <= CONFIDENCE_ORDER.indexOf('likely');
    return {
      causes,
      verdict: {
        status: 'cause',
        cause: lead.id,
        confidence: lead.confidence,
        next: { action: sure ? 'fix' : 'collect', ...at, remediation: lead.remediation, collect: sure ? [] : whatDecides(lead.id, missing) },
        alternatives: causes.slice(1).map((c) => c.id),
        mismatches,
        symptom,
      },
    };
  }
  const decisive = evidenceOfKind(input.evidence, 'certificates').some((e) => e.certificates.length > 0) ||
    evidenceOfKind(input.evidence, 'smtpLog').some((e) => e.sessions.length > 0);
  const healthy = decisive && !symptom;
  return {
    causes,
    verdict: {
      status: healthy ? 'healthy' : 'insufficientEvidence',
      cause: null,
      confidence: null,
      next: healthy ? { action: 'none', remediation: [], collect: [] } : { action: 'collect', ...at, remediation: [], collect: missing },
      alternatives: [],
      mismatches,
      symptom,
    },
  };
}

/** Sessions a cause rests on: the outbound sessions any of whose lines it cites. */
function sessionsOf(cause: Cause, byRef: ReadonlyMap<string, SessionFact>): Set<string> {
  const out = new Set<string>();
  for (const ref of cause.evidence) {
    const s = byRef.get(ref);
    if (s && s.outcome !== 'accepted') out.add(s.key);
  }
  return out;
}

function rankOwnSessions(causes: readonly Cause[], sessions: readonly SessionFact[]): Cause[] {
  const byRef = new Map<string, SessionFact>();
  for (const s of sessions) for (const r of s.refs) byRef.set(r, s);
  const claimed = new Set<string>();
  let certainSeen = false;
  const out = causes.map((c) => {
    if (c.confidence !== 'certain') return c;
    const own = [...sessionsOf(c, byRef)].filter((k) => !claimed.has(k));
    const first = !certainSeen;
    certainSeen = true;
    for (const k of sessionsOf(c, byRef)) claimed.add(k);
    return first || own.length > 0 ? c : { ...c, confidence: 'likely' as const };
  });
  const order = new Map(causes.map((c, i) => [c.id, i]));
  return out.sort((a, b) => CONFIDENCE_ORDER.indexOf(a.confidence) - CONFIDENCE_ORDER.indexOf(b.confidence) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/** The server to act on: named by the cause, else by the events it cites, else by the sessions' greeting. */
function serverOf(cause: Cause, input: VerdictInput): string | undefined {
  const named = cause.params['server'];
  if (typeof named === 'string' && named !== '') return named;
  for (const ev of evidenceOfKind(input.evidence, 'events'))
    for (const r of ev.records) if (r.computer && cause.evidence.includes(`${ev.source}#record:${r.recordId}`)) return r.computer;
  // A protocol log belongs to the server that wrote it: the collector and admins keep one folder per server.
  const cited = new Set(cause.evidence);
  for (const s of input.sessions) {
    if (!s.refs.some((r) => cited.has(r))) continue;
    const folder = s.log.split(/[\\/]/).slice(0, -1).find((part) => input.focus.servers.some((name) => sameServerName(name, part)));
    if (folder) return input.focus.servers.find((name) => sameServerName(name, folder));
  }
  return undefined;
}

/** The evidence that would confirm or rule out each cause, most telling first (domain.md §1.3 "How to recognise it"). */
const DECIDES: Readonly<Record<string, readonly CollectKey[]>> = {
  'cause.intermediatesNotSent': ['capi2Events', 'probe', 'sendProtocolLog'],
  'cause.certificateNameMismatch': ['inboundConnector', 'sendProtocolLog'],
  'cause.senderIpChanged': ['inboundConnector', 'sendProtocolLog'],
  'cause.certificateDomainNotAccepted': ['acceptedDomains', 'sendProtocolLog'],
  'cause.envelopeSenderNotAccepted': ['acceptedDomains', 'sendProtocolLog'],
  'cause.wrongCertificatePresented': ['exchangeCertificate', 'sendConnector', 'sendProtocolLog'],
  'cause.noMatchingConnector': ['inboundConnector'],
  'cause.noTls': ['sendProtocolLog', 'sendConnector'],
  'cause.sharedAttribution': ['inboundConnector', 'sendProtocolLog'],
  'cause.certificateInvalid': ['certificateChain', 'capi2Events'],
  'cause.clientAuthEkuMissing': ['probe', 'capi2Events', 'sendProtocolLog'],
  'cause.wrongSmartHost': ['sendConnector', 'sendProtocolLog'],
};

/** For a lead that is only possible: the missing evidence that would decide it, else everything missing. */
function whatDecides(cause: string, missing: readonly CollectKey[]): CollectKey[] {
  const telling = (DECIDES[cause] ?? []).filter((k) => missing.includes(k));
  return telling.length > 0 ? telling : [...missing];
}

/** What the evidence lacks, in the order an admin collects it (the collector script gathers them all). */
function missingEvidence(evidence: readonly Evidence[]): CollectKey[] {
  const settings = evidenceOfKind(evidence, 'settings');
  const has = {
    sendProtocolLog: evidenceOfKind(evidence, 'smtpLog').length > 0,
    capi2Events: evidenceOfKind(evidence, 'events').length > 0,
    inboundConnector: settings.some((s) => s.inboundConnectors.length > 0),
    sendConnector: settings.some((s) => s.sendConnectors.length > 0),
    exchangeCertificate: settings.some((s) => s.exchangeCertificates.length > 0),
    acceptedDomains: settings.some((s) => s.acceptedDomains.length > 0),
    certificateChain: evidenceOfKind(evidence, 'certificates').length > 0,
    probe: evidenceOfKind(evidence, 'certificates').some((e) => e.origin === 'probe'),
  };
  return (Object.keys(has) as Array<keyof typeof has>).filter((k) => !has[k]);
}
