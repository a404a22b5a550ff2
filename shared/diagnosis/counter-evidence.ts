import { refusedAttribution, sameCertificate, sameSource, type SessionFact } from './correlate/sessions';

/**
 * Sessions accepted by EOP with the same certificate from the same source as a refused one (domain.md §11.1
 * "Counter-evidence counts"): they weigh against every cause that is a property of the certificate (its chain,
 * its name, its validity), which would have refused them too.
 */
export function acceptedAlike(sessions: readonly SessionFact[] = []): SessionFact[] {
  const refused = sessions.filter((s) => s.toEop && refusedAttribution(s));
  if (refused.length === 0) return [];
  return sessions.filter((s) => s.toEop && s.outcome === 'accepted' && refused.some((r) => sameCertificate(r, s) && sameSource(r, s)));
}

/** The params a cause shows for its counter-evidence: "session 1 from 10.0.0.25 was accepted with this certificate". */
export function counterParams(accepted: readonly SessionFact[]): Record<string, string | number | undefined> {
  const first = accepted[0];
  if (!first) return {};
  return { acceptedSession: first.id, acceptedFrom: first.source ?? '—', acceptedCount: accepted.reduce((n, s) => n + s.weight, 0) };
}

/** Evidence references of the sessions (their first line each), for a cause's evidence list. */
export function sessionRefs(sessions: readonly SessionFact[], max = 10): string[] {
  return sessions.slice(0, max).map((s) => s.refs[0]).filter((r): r is string => Boolean(r));
}
