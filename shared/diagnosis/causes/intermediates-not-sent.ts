import type { CauseRule } from '../cause-rule';
import { ATTRIBUTION_FAILURE, atMost, hasAny, listParam, makeCause, stringParam, thumbprintsOf, withIds } from '../support';
import { completeChainsSent } from '../evidence-facts';

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
 *   Also possible when a probe shows the full chain going out but no 5.7.64 was given.
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
    if (missing.length + capi2.length + remote.length === 0) return null;

    const sentComplete = completeChainsSent(evidence, chains).length > 0;
    if (sentComplete && attribution.length > 0) return null;

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
