import type { CauseRule } from '../cause-rule';
import type { SmtpSession } from '../../smtp/types';
import { ATTRIBUTION_FAILURE, makeCause, withIds } from '../support';
import { acceptedDomains, outboundSessions } from '../evidence-facts';

/**
 * C5 — the P1 envelope sender is not an accepted domain and the connector is IP-based (relay rules since
 * 1 November 2023, domain.md §1.2, §1.3 C5): null-sender NDRs, forwarded mail and applications with a
 * foreign envelope fail while normal user mail works. EOP's code for this case is not verified (§9.3), so
 * this cause is never certain.
 *
 * - likely: IP-based connector, outbound sessions answered with 5.7.64 whose MAIL FROM is null (`<>`) or outside the
 *   accepted domains, and other sessions from accepted-domain senders in the same logs that were delivered.
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
  evaluate({ findings, evidence, answers }) {
    if (answers.connectorType !== 'ip') return null;
    const attribution = withIds(findings, [ATTRIBUTION_FAILURE]);
    const accepted = acceptedDomains(evidence);
    const isForeign = (sender: string) => {
      if (sender === '') return true;
      if (accepted.length === 0) return false;
      const domain = sender.slice(sender.lastIndexOf('@') + 1).toLowerCase();
      return !accepted.includes(domain);
    };

    const refused: Array<{ sender: string; ref: string }> = [];
    let acceptedWentThrough = false;
    for (const s of outboundSessions(evidence)) {
      const from = mailFrom(s);
      if (!from) continue;
      if (refusedWith5764(s)) refused.push(from);
      else if (s.status === 'delivered' && !isForeign(from.sender)) acceptedWentThrough = true;
    }
    const foreign = refused.filter((r) => isForeign(r.sender));
    if (foreign.length === 0 || foreign.length < refused.length) return null;

    return makeCause({
      id: this.id,
      confidence: acceptedWentThrough ? 'likely' : 'possible',
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

/** IIS logs keep `+` for spaces and may split the verb from its argument (`MAIL` … `FROM:<…>`). */
const MAIL_FROM = /MAIL\b.{0,4}?FROM:\s*<([^>]*)>/i;

function mailFrom(s: SmtpSession): { sender: string; ref: string } | null {
  for (const line of s.lines) {
    const m = MAIL_FROM.exec(line.text);
    if (m && line.direction === 'sent') return { sender: (m[1] ?? '').trim(), ref: line.ref };
  }
  return null;
}

function refusedWith5764(s: SmtpSession): boolean {
  const replies = s.lines.filter((l) => l.direction === 'received').map((l) => l.text);
  return [s.finalReply ?? '', ...replies].some((t) => /\b5\.7\.64\b/.test(t));
}
