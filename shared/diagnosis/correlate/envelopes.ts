import { evidenceOfKind, type Evidence } from '../../model/evidence';
import { domainOf, refusedAttribution, type SessionFact } from './sessions';

/** One message EOP refused with 5.7.64, by its P1 envelope sender ('' for the null sender). */
export interface RefusedEnvelope {
  readonly sender: string;
  readonly attr36: boolean;
  /** The evidence reference of the session's first line or the NDR message. */
  readonly ref: string;
  readonly fromNdr: boolean;
}

/**
 * The refused messages whose envelope sender is known, one per message (the relay OR rule is judged per
 * message, domain.md §11.2): from the send log's MAIL FROM, and from NDRs, which go back to the P1 sender.
 */
export function refusedEnvelopes(evidence: readonly Evidence[], sessions: readonly SessionFact[]): RefusedEnvelope[] {
  const out: RefusedEnvelope[] = [];
  for (const s of sessions)
    if (s.toEop && refusedAttribution(s) && s.mailFrom !== undefined)
      out.push({ sender: s.mailFrom, attr36: s.codes.includes('ATTR36'), ref: s.refs[0] ?? s.log, fromNdr: false });
  for (const ndr of evidenceOfKind(evidence, 'ndr'))
    for (const m of ndr.messages) {
      if (!m.envelopeSender || !m.statusCodes.includes('5.7.64')) continue;
      const ref = ndr.format === 'text' && ndr.messages.length === 1 ? ndr.source : `${ndr.source}#message:${m.index}`;
      out.push({ sender: m.envelopeSender, attr36: m.replies.some((r) => /\bATTR36\b/i.test(r)), ref, fromNdr: true });
    }
  return out;
}

/** Whether a sender's domain is one of the accepted domains; undefined when they are unknown (null sender: false). */
export function senderAccepted(sender: string, accepted: readonly string[]): boolean | undefined {
  const domain = domainOf(sender);
  if (domain === '') return false;
  return accepted.length === 0 ? undefined : accepted.includes(domain);
}
