import type { CauseRule } from '../cause-rule';
import { ATTRIBUTION_FAILURE, atMost, hasAny, listParam, makeCause, stringParam, thumbprintsOf, withIds } from '../support';
import { completeChainsSent, outboundSessions } from '../evidence-facts';
import { isActionable, type Finding } from '../../model/finding';
import type { Evidence } from '../../model/evidence';

/**
 * C1 — intermediates not sent (KB 3212877; domain.md §0 point 5, §1.3 C1, §3.2). Schannel on the sending
 * server could not build the chain from the machine stores, so only the leaf goes out and EOP, which never
 * fetches intermediates, cannot attribute the session.
 *
 * - certain: `chain.missingIntermediate` together with a symptom of the same failure: 5.7.64
 *   (`smtp.tenantAttribution`), CAPI2 `800B0109`/partial chain (`capi2.untrustedRoot`, `capi2.partialChain`)
 *   or `450 4.4.317 UntrustedRoot` (`smtp.untrustedRoot`, same root cause seen in the other direction).
 * - likely: `chain.missingIntermediate` alone; or a CAPI2 chain error or 4.4.317 without the certificate set
 *   (the KB's own evidence is the CAPI2 event on the sending server).
 * - possible: only CAPI2 errors while the certificate set shows a real untrusted root or a self-signed leaf
 *   (then the 800B0109 is explained by C10), or any of the above when the connector is IP-based (the chain
 *   then plays no part in attribution, domain.md §1.2).
 *   Also possible when a probe shows the full chain going out but no 5.7.64 was given. And possible when the
 *   send log shows a certificate going out (`Sending certificate`) yet EOP answers 5.7.64 and no other
 *   finding explains it: the KB's own description of the symptom (§1.3 C1 "How to recognise it").
 * - ruled out: a probe captured a complete chain from the sending side and 5.7.64 is still seen — the
 *   intermediates do go out, so the failure lies elsewhere.
 *
 * Params read: chain.missingIntermediate `missingIssuer` (string), `aiaUrls` (string[]), `leafSha1`;
 * capi2.* `thumbprint`; otherwise thumbprints come from `cert:<sha1>` evidence references. CAPI2 findings
 * about non-TLS events carry a low severity and are ignored (support.ts keeps medium and above).
 * Params given to the remediation: missingIssuer, aiaUrls, thumbprint.
 */
export const intermediatesNotSent: CauseRule = {
  id: 'cause.intermediatesNotSent',
  evaluate({ findings, evidence, answers, chains }) {
    const missing = withIds(findings, ['chain.missingIntermediate']);
    const capi2 = withIds(findings, ['capi2.untrustedRoot', 'capi2.partialChain']);
    const remote = withIds(findings, ['smtp.untrustedRoot']);
    const attribution = withIds(findings, [ATTRIBUTION_FAILURE]);
    const sentComplete = completeChainsSent(evidence, chains).length > 0;
    if (sentComplete && attribution.length > 0) return null;
    if (missing.length + capi2.length + remote.length === 0) {
      return answers.connectorType === 'ip' ? null : unexplainedAfterCertificateSent(this.id, findings, evidence, attribution);
    }

    let confidence: 'certain' | 'likely' | 'possible';
    if (missing.length > 0) {
      confidence = attribution.length + capi2.length + remote.length > 0 ? 'certain' : 'likely';
    } else {
      const explainedByC10 = hasAny(findings, ['chain.untrustedRoot', 'chain.selfSignedLeaf']);
      confidence = explainedByC10 ? 'possible' : 'likely';
    }
    // A full chain on the wire (without a 5.7.64 to explain) means the finding comes from an older export.
    if (answers.connectorType === 'ip' || sentComplete) confidence = atMost(confidence, 'possible');

    const support = [...missing, ...capi2, ...remote, ...attribution];
    return makeCause({
      id: this.id,
      confidence,
      support,
      remediation: ['remediation.importIntermediates'],
      params: {
        missingIssuer: stringParam(missing, 'missingIssuer'),
        aiaUrls: listParam(missing, 'aiaUrls'),
        thumbprint: (stringParam(missing, 'leafSha1') ?? stringParam(capi2, 'thumbprint') ?? thumbprintsOf(missing)[0])?.toUpperCase(),
      },
    });
  },
};

/**
 * The bare KB 3212877 symptom: a session to EOP presented a certificate and was still refused with 5.7.64,
 * and nothing else of medium severity or above was found. Possible only: C2, C4 and §10 look the same from
 * the send log alone, and the questions or more evidence tell them apart.
 */
function unexplainedAfterCertificateSent(id: string, findings: readonly Finding[], evidence: readonly Evidence[], attribution: readonly Finding[]) {
  if (attribution.length === 0 || !findings.filter(isActionable).every((f) => f.id === ATTRIBUTION_FAILURE)) return null;
  const refused = outboundSessions(evidence).filter((s) => s.certificateSent && /\b5\.7\.64\b/.test(s.finalReply ?? ''));
  if (refused.length === 0) return null;
  return makeCause({
    id,
    confidence: 'possible',
    support: attribution,
    remediation: ['remediation.importIntermediates'],
    params: { thumbprint: refused.find((s) => s.certificateSent?.thumbprint)?.certificateSent?.thumbprint?.toUpperCase() },
    extraEvidence: refused.flatMap((s) => s.certificateSent?.refs ?? []).slice(0, 10),
  });
}
