import type { CauseRule } from '../cause-rule';
import type { DiagnosisInput } from '../cause-rule';
import { ATTRIBUTION_FAILURE, listParam, makeCause, stringParam, withIds } from '../support';
import {
  acceptedDomains,
  certificateNames,
  connectorNameCovers,
  domainsThatAccept,
  leafCertificates,
  suggestedAcceptedDomain,
} from '../evidence-facts';
import { refusedEnvelopes, senderAccepted } from '../correlate/envelopes';

/**
 * C4 — the certificate's domain is not an accepted domain of the tenant (ATTR36; domain.md §1.2, §1.3 C4,
 * §2 "Accepted domain"): `host.sub.contoso.com` needs `sub.contoso.com`, `*.contoso.com` needs `contoso.com`.
 *
 * - certain: `smtp.attr36` (EOP names this cause itself).
 * - likely: the settings analyzer's cross-check (`acceptedDomain.certificateDomainNotAccepted`) or this
 *   rule's own comparison of Get-AcceptedDomain output with the leaf finds no acceptable name, and 5.7.64
 *   was seen.
 * - possible: the same comparison fails without a 5.7.64 in the evidence.
 * - ruled out: the leaf has a name under an accepted domain and no ATTR36 was seen; without the accepted
 *   domains or the leaf the rule stays silent rather than guess. The leaves compared are the ones the
 *   connector name covers when it is known (else all), and every one of them must fail.
 *
 * Params read: `certificateNames`, `suggestedDomain`, `acceptedDomains` on
 * acceptedDomain.certificateDomainNotAccepted; otherwise the certificate and settings evidence.
 * Params given to the remediation: certificateDomain, suggestedDomain, acceptedDomains.
 */
export const certificateDomainNotAccepted: CauseRule = {
  id: 'cause.certificateDomainNotAccepted',
  evaluate(input) {
    const attr36 = withIds(input.findings, ['smtp.attr36']);
    const crossCheck = withIds(input.findings, ['acceptedDomain.certificateDomainNotAccepted']);
    const attribution = withIds(input.findings, [ATTRIBUTION_FAILURE]);
    const check = compareWithAcceptedDomains(input);
    const notAccepted = crossCheck.length > 0 || check?.accepted === false;

    const envelope = envelopeSenders(input);
    // Every refused message came from an accepted P1 domain: the OR rule says the certificate domain was not needed.
    if (envelope.refused > 0 && envelope.foreign === 0) return null;
    let confidence: 'certain' | 'likely' | 'possible';
    if (attr36.length > 0) confidence = envelope.accepted > 0 ? 'likely' : 'certain';
    else if (notAccepted) confidence = attribution.length > 0 ? 'likely' : 'possible';
    else return null;

    const name = stringParam(crossCheck, 'certificateNames') ?? check?.names[0];
    return makeCause({
      id: this.id,
      confidence,
      support: [...attr36, ...crossCheck, ...attribution],
      remediation: ['remediation.addAcceptedDomain'],
      params: {
        certificateDomain: name,
        suggestedDomain: stringParam(crossCheck, 'suggestedDomain') ?? (name ? suggestedAcceptedDomain(name) : undefined),
        acceptedDomains: crossCheck.length > 0 ? listParam(crossCheck, 'acceptedDomains') : check?.acceptedDomains,
      },
      extraEvidence: check?.accepted === false ? check.refs : [],
    });
  },
};

/**
 * P1 senders of the refused 5.7.64 sessions against the accepted domains: how many were refused with a sender
 * known, how many of those had an accepted domain, how many a foreign one (or the null sender). Without
 * Get-AcceptedDomain output only the null sender counts as foreign and the others as unknown.
 */
function envelopeSenders({ evidence, sessions = [] }: DiagnosisInput) {
  const accepted = acceptedDomains(evidence);
  let refused = 0;
  let acceptedCount = 0;
  let foreign = 0;
  for (const e of refusedEnvelopes(evidence, sessions)) {
    const ok = senderAccepted(e.sender, accepted);
    if (ok === undefined) continue;
    refused++;
    if (ok) acceptedCount++;
    else foreign++;
  }
  return { refused, accepted: acceptedCount, foreign };
}

/** Null when the comparison cannot be made (no accepted domains or no leaf in the evidence). */
function compareWithAcceptedDomains({ evidence, answers }: DiagnosisInput) {
  const accepted = acceptedDomains(evidence);
  const leaves = leafCertificates(evidence);
  if (accepted.length === 0 || leaves.length === 0) return null;
  const expected = answers.tlsSenderCertificateName;
  const covered = expected
    ? leaves.filter((l) => certificateNames(l.item).some((n) => connectorNameCovers(expected, n)))
    : [];
  const considered = covered.length > 0 ? covered : leaves;
  const acceptable = (n: string) => domainsThatAccept(n).some((d) => accepted.includes(d));
  const ok = considered.some((l) => certificateNames(l.item).some(acceptable));
  return {
    accepted: ok,
    names: considered.flatMap((l) => certificateNames(l.item)),
    acceptedDomains: accepted,
    refs: considered.map((l) => `cert:${l.item.sha1}`),
  };
}
