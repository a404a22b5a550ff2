import { evidenceOfKind, type Evidence } from '../../model/evidence';
import { sameServerName } from '../../model/observation';
import type { CertificateRecord } from '../../x509/types';
import { mentionsExchangeOnline } from '../../smtp/reply';
import { certificateNames, connectorNameCovers, relayConnectors, sendConnectors } from '../evidence-facts';
import { refusedAttribution, type SessionFact } from './sessions';

/**
 * The case under investigation (domain.md §11.1): the servers and certificates the evidence is about, and the
 * moment of the symptom. Evidence that names another server, another certificate, or a moment years away is
 * history or noise, not support.
 */
export interface CaseFocus {
  /** Host names of the sending servers, from the NDR's generating server, the Send connector's source servers. */
  readonly servers: readonly string[];
  /** Thumbprints (upper-case) of the certificates the case is about. */
  readonly thumbprints: ReadonlySet<string>;
  /** DNS names and CNs (lower-case) of those certificates, and the connector's TlsSenderCertificateName patterns. */
  readonly names: readonly string[];
  /** Leaves the admin supplied that the connector, a log or a probe points at (else the first of each file). */
  readonly leaves: readonly CertificateRecord[];
  /** Supplied leaves nothing points at: another certificate in the bundle. */
  readonly unrelatedLeaves: readonly CertificateRecord[];
  /** The moment of the symptom (symptomTime below). */
  readonly at: Date;
}

/** Microsoft's own hosts report NDRs too (EOP, Exchange Online): they are not the admin's server. */
const MICROSOFT_HOST = /(?:\.outlook\.com|\.office365\.com|\.microsoft\.com|\.prod\.outlook\.com)\.?$/i;

export function caseFocus(evidence: readonly Evidence[], sessions: readonly SessionFact[], now: Date, expectName?: string): CaseFocus {
  const servers: string[] = [];
  const addServer = (name: string | undefined) => {
    const n = name?.replace(/^\s*dns\s*;\s*/i, '').trim();
    if (!n || MICROSOFT_HOST.test(n) || mentionsExchangeOnline(n) || servers.some((s) => sameServerName(s, n))) return;
    servers.push(n);
  };
  for (const ndr of evidenceOfKind(evidence, 'ndr')) for (const m of ndr.messages) addServer(m.generatingServer ?? m.reportingMta);
  for (const c of sendConnectors(evidence)) for (const s of c.item.sourceTransportServers ?? []) addServer(s);
  for (const settings of evidenceOfKind(evidence, 'settings')) for (const m of settings.manifests ?? []) addServer(m.computer);

  const wireThumbprints = new Set<string>();
  for (const s of sessions) if (s.certificate?.thumbprint) wireThumbprints.add(s.certificate.thumbprint);
  for (const probe of evidenceOfKind(evidence, 'certificates')) {
    if (probe.origin !== 'probe') continue;
    const leaf = probe.certificates.find((c) => !c.isCa) ?? probe.certificates[0];
    if (leaf) wireThumbprints.add(leaf.sha1.toUpperCase());
  }
  const sendSubjects = sendConnectors(evidence)
    .map((c) => /<S>(.*)$/i.exec(c.item.tlsCertificateName ?? '')?.[1]?.trim().toLowerCase())
    .filter((s): s is string => Boolean(s));
  const patterns = [
    ...(expectName ? [expectName] : []),
    ...relayConnectors(evidence).map((c) => c.item.tlsSenderCertificateName).filter((n): n is string => Boolean(n)),
  ].map((n) => n.toLowerCase());

  const { leaves, unrelated } = pickLeaves(evidence, wireThumbprints, sendSubjects, patterns);
  const thumbprints = new Set(wireThumbprints);
  for (const l of leaves) thumbprints.add(l.sha1.toUpperCase());
  const names = new Set<string>(patterns);
  for (const l of leaves) for (const n of certificateNames(l)) names.add(n);
  for (const s of sessions) for (const n of cnNames(s.certificate?.subject)) names.add(n);
  for (const subject of sendSubjects) for (const n of cnNames(subject)) names.add(n);

  return { servers, thumbprints, names: [...names], leaves, unrelatedLeaves: unrelated, at: symptomTime(evidence, sessions, now) };
}

function pickLeaves(evidence: readonly Evidence[], wire: ReadonlySet<string>, sendSubjects: readonly string[], patterns: readonly string[]) {
  const files = evidenceOfKind(evidence, 'certificates').filter((e) => e.origin === 'file');
  const all = new Map<string, CertificateRecord>();
  for (const f of files) for (const c of f.certificates) if (!c.isCa && !all.has(c.sha1)) all.set(c.sha1, c);
  const leaves = [...all.values()];
  if (leaves.length <= 1) return { leaves, unrelated: [] as CertificateRecord[] };
  let pointed = leaves.filter((l) => wire.has(l.sha1.toUpperCase()) || sendSubjects.includes(l.subject.toLowerCase()));
  if (pointed.length === 0) pointed = leaves.filter((l) => certificateNames(l).some((n) => patterns.some((p) => connectorNameCovers(p, n))));
  if (pointed.length === 0) {
    const firsts = new Set<string>();
    for (const f of files) {
      const first = f.certificates.find((c) => !c.isCa);
      if (first) firsts.add(first.sha1);
    }
    pointed = leaves.filter((l) => firsts.has(l.sha1));
  }
  const chosen = new Set(pointed.map((l) => l.sha1));
  return { leaves: pointed, unrelated: leaves.filter((l) => !chosen.has(l.sha1)) };
}

/** The CN values of an X.500 subject string, lower-case (`CN=mail.contoso.com, O=…` → `mail.contoso.com`). */
export function cnNames(subject: string | undefined): string[] {
  if (!subject) return [];
  return [...subject.matchAll(/(?:^|[,/]\s*)CN=([^,/]+)/gi)].map((m) => (m[1] ?? '').trim().toLowerCase()).filter(Boolean);
}

/**
 * The moment the case is about: the last refused session, else the last session, else the last NDR, else the
 * last event; the validation time only when nothing is dated. Evidence is judged against each other, so an NDR
 * or an event brought alone is its own moment, not history because the analysis runs later.
 */
function symptomTime(evidence: readonly Evidence[], sessions: readonly SessionFact[], now: Date): Date {
  const latest = (times: ReadonlyArray<string | undefined>) => {
    let max = Number.NaN;
    for (const t of times) {
      const at = Date.parse(t ?? '');
      if (!Number.isNaN(at) && !(at <= max)) max = at;
    }
    return max;
  };
  const candidates = [
    latest(sessions.filter(refusedAttribution).map((s) => s.at)),
    latest(sessions.map((s) => s.at)),
    latest(evidenceOfKind(evidence, 'ndr').flatMap((n) => n.messages.map((m) => m.date))),
    latest(evidenceOfKind(evidence, 'events').flatMap((e) => e.records.map((r) => r.timeCreated))),
  ];
  const first = candidates.find((t) => !Number.isNaN(t));
  return first === undefined ? now : new Date(first);
}

/** Whether a certificate named by an event (thumbprint and/or subject name) is one the case is about. */
export function certificateFits(focus: CaseFocus, thumbprint: string | undefined, subjectName: string | undefined): boolean | undefined {
  if (focus.thumbprints.size === 0 && focus.names.length === 0) return undefined;
  if (thumbprint && focus.thumbprints.has(thumbprint.toUpperCase())) return true;
  const name = subjectName?.trim().toLowerCase();
  // Only a DNS-like name can be compared: CA names ("Contoso Issuing CA 1") belong to the chain of any leaf.
  if (!name || /\s/.test(name) || !name.includes('.')) return thumbprint ? undefined : undefined;
  const covers = (a: string, b: string) => connectorNameCovers(a, b) || connectorNameCovers(b, a);
  return focus.names.some((n) => covers(n, name));
}
