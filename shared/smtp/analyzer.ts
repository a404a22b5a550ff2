import type { Analyzer } from '../model/analyzer';
import { evidenceOfKind } from '../model/evidence';
import type { Finding } from '../model/finding';
import type { LoggedCertificate } from './types';
import { mergeSessions } from './rules/merge-sessions';
import { isPlainSessionToEop, ndrObservations, sessionHost, sessionObservations, type Observation } from './rules/observations';
import { matchingRules, TEXT_RULES, type TextRule } from './rules/registry';

/** How many evidence references one finding lists; `count` says how many occurrences there were. */
const MAX_REFS = 10;

interface Group {
  rule: Pick<TextRule, 'id' | 'severity' | 'confidence'>;
  first: Observation;
  count: number;
  refs: string[];
  /** Occurrences already counted (NDR messages), so a reply repeated in several MIME parts counts once. */
  counted: Set<string>;
}

function certificateParam(cert: LoggedCertificate | undefined): string {
  if (!cert?.subject && !cert?.thumbprint) return 'none';
  return [cert.subject, cert.thumbprint].filter(Boolean).join(' / ');
}

function add(groups: Map<string, Group>, rule: Group['rule'], obs: Observation): void {
  // One finding per id and certificate: ten thousand rejected sessions are one fact, two certificates are two.
  const key = `${rule.id}\u0000${obs.certificate?.thumbprint ?? obs.certificate?.subject ?? ''}`;
  let g = groups.get(key);
  if (!g) {
    g = { rule, first: obs, count: 0, refs: [], counted: new Set() };
    groups.set(key, g);
  }
  if (obs.occurrence !== undefined) {
    if (g.counted.has(obs.occurrence)) return;
    g.counted.add(obs.occurrence);
  }
  g.count += obs.weight ?? 1;
  for (const ref of obs.refs) if (g.refs.length < MAX_REFS && !g.refs.includes(ref)) g.refs.push(ref);
}

function toFinding(g: Group): Finding {
  return {
    id: g.rule.id,
    severity: g.rule.severity,
    confidence: g.rule.confidence,
    params: {
      reply: g.first.text,
      remoteHost: g.first.remoteHost ?? 'unknown',
      connector: g.first.connector ?? 'none',
      certificate: certificateParam(g.first.certificate),
      ...(g.first.certificate?.subject ? { certificateSubject: g.first.certificate.subject } : {}),
      ...(g.first.certificate?.thumbprint ? { certificateThumbprint: g.first.certificate.thumbprint } : {}),
      count: g.count,
    },
    evidence: g.refs,
  };
}

/** smtp.* findings from protocol logs, IIS SMTP logs and NDRs (findings.md "SMTP conversations"). */
export const smtpAnalyzer: Analyzer = {
  id: 'smtp',
  async analyze(evidence) {
    const sessions = mergeSessions(evidenceOfKind(evidence, 'smtpLog'));
    const observations = [...sessionObservations(sessions), ...ndrObservations(evidenceOfKind(evidence, 'ndr'))];
    const groups = new Map<string, Group>();
    for (const obs of observations) for (const rule of matchingRules(obs.text, TEXT_RULES)) add(groups, rule, obs);
    const noStartTls = { id: 'smtp.noStartTls', severity: 'high', confidence: 'likely' } as const;
    for (const s of sessions.filter(isPlainSessionToEop)) {
      const mail = s.lines.find((l) => l.kind === 'command' && /^MAIL FROM/i.test(l.text)) ?? s.lines[0];
      const host = sessionHost(s);
      add(groups, noStartTls, {
        text: s.finalReply ?? mail?.text ?? '',
        refs: mail ? [mail.ref] : [],
        ...(host ? { remoteHost: host } : {}),
        ...(s.connector ? { connector: s.connector } : {}),
        ...(s.alike ? { weight: 1 + s.alike } : {}),
      });
    }
    return { findings: [...groups.values()].map(toFinding) };
  },
};
