import type { CauseRule } from '../cause-rule';
import { refusedAttribution, type SessionFact } from '../correlate/sessions';
import { cnNames } from '../correlate/focus';
import { refusedEnvelopes, senderAccepted } from '../correlate/envelopes';
import { ATTRIBUTION_FAILURE, makeCause, withIds } from '../support';
import { acceptedDomains, domainsThatAccept } from '../evidence-facts';

/**
 * C5 — the P1 envelope sender is not an accepted domain and no accepted certificate domain is on the connection:
 * an IP-based connector, or a certificate whose domain is not accepted either (relay rules since 1 November 2023,
 * the OR rule of domain.md §11.2, §1.3 C5): null-sender NDRs, forwarded mail and applications with a
 * foreign envelope fail while normal user mail works. EOP's code for this case is not verified (§9.3); the
 * OR rule itself is documented, so the contrast on one connection proves it.
 *
 * - certain: IP-based connector, refused 5.7.64 sessions whose MAIL FROM is null or foreign, and sessions from
 *   the same source with accepted-domain senders delivered (only the envelope differs).
 * - likely: IP-based connector, outbound sessions answered with 5.7.64 whose MAIL FROM is null (`<>`) or outside the
 *   accepted domains (known from Get-AcceptedDomain), or with accepted senders delivered from elsewhere.
 * - possible: the same without the contrast of accepted senders going through.
 * - ruled out: a certificate-based connector (an accepted certificate domain covers every envelope), an
 *   unknown connector type, or refused sessions whose senders are all in accepted domains.
 *
 * Reads SMTP session lines (`MAIL FROM:<…>` sent, replies received), Get-AcceptedDomain output when given
 * (without it only a null sender counts as foreign) and the `smtp.tenantAttribution` finding.
 * Params given to the remediation: envelopeSender (`<>` for the null sender), acceptedDomain.
 */
export const envelopeSenderNotAccepted: CauseRule = {
  id: 'cause.envelopeSenderNotAccepted',
  evaluate({ findings, evidence, answers, sessions = [] }) {
    const attribution = withIds(findings, [ATTRIBUTION_FAILURE]);
    const accepted = acceptedDomains(evidence);
    // The OR rule (§11.2): a certificate connection is covered by an accepted certificate domain, so C5 applies
    // to one only when the certificate that went out has no accepted domain either (then C4's fix covers it too).
    const certificateConnection = answers.connectorType === 'certificate';
    if (answers.connectorType !== 'ip' && !(certificateConnection && certificateDomainsNotAccepted(sessions, accepted))) return null;
    // The null sender is foreign; others only against known accepted domains (envelopes.ts).
    const isForeign = (sender: string) => senderAccepted(sender, accepted) === false;

    const refused: Array<{ sender: string; ref: string; source?: string }> = [];
    const deliveredFrom: Array<string | undefined> = [];
    for (const s of sessions) {
      if (s.mailFrom === undefined) continue;
      if (refusedAttribution(s)) refused.push({ sender: s.mailFrom, ref: s.refs[0] ?? s.log, ...(s.source ? { source: s.source } : {}) });
      else if (s.outcome === 'accepted' && !isForeign(s.mailFrom)) deliveredFrom.push(s.source);
    }
    // The contrast that proves it: from the same source, accepted senders go through while foreign ones are
    // refused. Same connector, same IP, same TLS: only the envelope differs.
    const sameSourceContrast = deliveredFrom.some((d) => refused.some((r) => !d || !r.source || d === r.source));
    const acceptedWentThrough = deliveredFrom.length > 0;
    // NDRs go back to the refused message's P1 sender: the same per-message test (§11.2).
    for (const e of refusedEnvelopes(evidence, sessions)) if (!refused.some((r) => r.sender === e.sender) && e.fromNdr) refused.push({ sender: e.sender, ref: e.ref });
    const foreign = refused.filter((r) => isForeign(r.sender));
    if (foreign.length === 0 || foreign.length < refused.length) return null;

    return makeCause({
      id: this.id,
      confidence: certificateConnection
        ? 'possible'
        : sameSourceContrast
          ? 'certain'
          : acceptedWentThrough || accepted.length > 0
            ? 'likely'
            : 'possible',
      support: attribution,
      remediation: ['remediation.fixEnvelopeSender'],
      params: {
        envelopeSender: foreign[0]?.sender === '' ? '<>' : foreign[0]?.sender,
        acceptedDomain: accepted[0],
      },
      extraEvidence: foreign.map((r) => r.ref),
    });
  },
};

/** Every refused session's certificate names lie outside the accepted domains (known), and one went out at all. */
function certificateDomainsNotAccepted(sessions: readonly SessionFact[], accepted: readonly string[]): boolean {
  if (accepted.length === 0) return false;
  const refused = sessions.filter((s) => s.toEop && s.codes.includes('5.7.64') && s.certificate?.subject);
  if (refused.length === 0) return false;
  return refused.every((s) => !cnNames(s.certificate?.subject).some((n) => domainsThatAccept(n).some((d) => accepted.includes(d))));
}

