import type { CauseRule } from '../cause-rule';
import { ATTRIBUTION_FAILURE, listParam, makeCause, stringParam, withIds } from '../support';
import { acceptedDomains, outboundSessions, relayConnectors } from '../evidence-facts';
import { domainOf, refusedAttribution, sameSource, type SessionFact } from '../correlate/sessions';
import { refusedEnvelopes, senderAccepted } from '../correlate/envelopes';
import type { Evidence } from '../../model/evidence';

/**
 * C3 — the sending IP changed (new ISP, NAT or egress) and the OnPremises connector matches by IP
 * (domain.md §1.3 C3: the source IP is not in `SenderIPAddresses`).
 *
 * - certain: `connector.ipNotListed` together with 5.7.64.
 * - likely: `connector.ipNotListed` alone.
 * - likely: the connector is IP-based, 5.7.64 was seen, and the refused messages' P1 senders are accepted
 *   domains: the OR rule is met by the envelope, so the IP match is what failed.
 * - possible: the connector is IP-based (answered, or inferred from Get-InboundConnector) and 5.7.64 was
 *   seen; the public source IP is rarely in on-premises evidence (NAT), so this is as far as it goes. Nothing
 *   when a session from the same source was accepted, or every refused message had a foreign P1 sender (C5).
 * - ruled out: no `connector.ipNotListed` and the connector is certificate-based or its type is unknown.
 *
 * Params read: connector.ipNotListed `ip` (the source IP EOP saw), `addresses` or `listed` (SenderIPAddresses),
 * `connectors` or `connector`. A finding the settings analyzer rated `possible` (a certificate connector
 * exists too) keeps this cause at possible.
 * Params given to the remediation: inboundConnector, senderIp (else the client address EOP's greeting
 * reported in a send log, `observedClientIp`), listedIps.
 */
export const senderIpChanged: CauseRule = {
  id: 'cause.senderIpChanged',
  evaluate({ findings, evidence, answers, sessions = [] }) {
    const notListed = withIds(findings, ['connector.ipNotListed']);
    const attribution = withIds(findings, [ATTRIBUTION_FAILURE]);

    let confidence: 'certain' | 'likely' | 'possible';
    if (notListed.length > 0) confidence = attribution.length > 0 ? 'certain' : 'likely';
    else if (answers.connectorType === 'ip' && attribution.length > 0) {
      if (ipProvenOrOtherwiseExplained(evidence, sessions) || ndrEnvelopesForeign(evidence, sessions)) return null;
      // The OR rule is met by an accepted envelope domain, so the IP match is what failed (§11.2).
      confidence = refusedSendersAccepted(evidence, sessions) ? 'likely' : 'possible';
    } else return null;
    // The settings analyzer says `possible` when a certificate connector exists too: the IP list may not matter.
    if (notListed.length > 0 && notListed.every((f) => f.confidence === 'possible')) confidence = 'possible';

    const ipConnector = relayConnectors(evidence).find((c) => (c.item.senderIpAddresses ?? []).length > 0);
    const listed = listParam(notListed, 'listed', 'addresses');
    return makeCause({
      id: this.id,
      confidence,
      support: [...notListed, ...attribution],
      remediation: ['remediation.updateSenderIp'],
      params: {
        inboundConnector: stringParam(notListed, 'connector', 'connectors') ?? ipConnector?.item.name,
        senderIp: stringParam(notListed, 'ip') ?? observedIp(evidence),
        listedIps: listed.length > 0 ? listed : [...(ipConnector?.item.senderIpAddresses ?? [])],
      },
      extraEvidence: ipConnector ? [ipConnector.ref] : [],
    });
  },
};

/** The public address EOP saw, from `250-<host> Hello [<ip>]` in a session it refused with 5.7.64. */
function observedIp(evidence: readonly Evidence[]): string | undefined {
  return outboundSessions(evidence).find((s) => s.observedClientIp && /\b5\.7\.64\b/.test(s.finalReply ?? ''))?.observedClientIp;
}

/**
 * The bare "IP connector and 5.7.64" says nothing when the evidence shows the IP works (a session from the same
 * source was accepted) or the refused messages all have a foreign P1 sender (C5 explains them).
 */
function ipProvenOrOtherwiseExplained(evidence: readonly Evidence[], sessions: readonly SessionFact[]): boolean {
  const refused = sessions.filter((s) => s.toEop && refusedAttribution(s));
  if (refused.length === 0) return false;
  if (sessions.some((s) => s.toEop && s.outcome === 'accepted' && refused.some((r) => sameSource(r, s)))) return true;
  const accepted = acceptedDomains(evidence);
  return refused.every((s) => s.mailFrom !== undefined && (domainOf(s.mailFrom) === '' || (accepted.length > 0 && !accepted.includes(domainOf(s.mailFrom)))));
}

/** Every refused message an NDR returned went to a sender outside the accepted domains: C5, not the IP. */
function ndrEnvelopesForeign(evidence: readonly Evidence[], sessions: readonly SessionFact[]): boolean {
  const accepted = acceptedDomains(evidence);
  const known = refusedEnvelopes(evidence, sessions).filter((e) => e.fromNdr);
  return known.length > 0 && known.every((e) => senderAccepted(e.sender, accepted) === false);
}

/** Every refused message whose P1 sender is known came from an accepted domain (and at least one is known). */
function refusedSendersAccepted(evidence: readonly Evidence[], sessions: readonly SessionFact[]): boolean {
  const accepted = acceptedDomains(evidence);
  const known = refusedEnvelopes(evidence, sessions);
  return known.length > 0 && known.every((e) => senderAccepted(e.sender, accepted) === true);
}
