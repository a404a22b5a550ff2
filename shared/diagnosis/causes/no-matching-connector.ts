import type { CauseRule } from '../cause-rule';
import { ATTRIBUTION_FAILURE, makeCause, stringParam, withIds } from '../support';
import { connectorNameCovers, inboundConnectors, isEnabled, isOnPremises, relayConnectors } from '../evidence-facts';
import type { InboundConnector } from '../../settings/types';

/**
 * C7 — no OnPremises inbound connector matches: it is missing, disabled (`Enabled $false`) or was created as
 * `Partner` (domain.md §1.3 C7, §1.4 `ConnectorType`, `Enabled`; only OnPremises connectors relay, §1.2).
 *
 * - certain: Get-InboundConnector output lists connectors, none of them is an enabled OnPremises connector,
 *   and 5.7.64 was seen.
 * - likely: the same listing without a 5.7.64 in the evidence.
 * - possible: `connector.disabled` / `connector.notOnPremises` while another enabled OnPremises connector
 *   is listed too (the failing traffic may be meant for the broken one).
 * - ruled out: an enabled OnPremises connector is listed and no connector finding exists. An empty
 *   connector list proves nothing (the export may hold only Send connectors or certificates), so a
 *   missing connector is never concluded from absence alone.
 *
 * Params read: `connector` (connector name) on connector.disabled / connector.notOnPremises.
 * Params given to the remediation: inboundConnector, connectorType.
 */
export const noMatchingConnector: CauseRule = {
  id: 'cause.noMatchingConnector',
  evaluate({ findings, evidence, focus }) {
    const broken = withIds(findings, ['connector.disabled', 'connector.notOnPremises']);
    const attribution = withIds(findings, [ATTRIBUTION_FAILURE]);
    const listed = inboundConnectors(evidence);
    const usable = relayConnectors(evidence);
    // A connector whose type the export left out might be the OnPremises one: no conclusion then.
    const undetermined = listed.some((c) => isEnabled(c.item) && isOnPremises(c.item) === undefined);
    const noneUsable = listed.length > 0 && usable.length === 0 && !undetermined;

    let confidence: 'certain' | 'likely' | 'possible';
    if (noneUsable) confidence = attribution.length > 0 ? 'certain' : 'likely';
    else if (broken.length > 0) {
      // A leftover disabled or Partner connector beside an enabled OnPremises one that covers the certificate
      // going out is noise: the usable connector is the one EOP matches.
      if (usable.some((c) => coversCase(c.item, focus?.names ?? []))) return null;
      confidence = 'possible';
    } else return null;

    const unusable = listed.find((c) => !isEnabled(c.item) || isOnPremises(c.item) === false);
    return makeCause({
      id: this.id,
      confidence,
      support: [...broken, ...attribution],
      remediation: ['remediation.fixInboundConnector'],
      params: {
        inboundConnector: stringParam(broken, 'connector') ?? unusable?.item.name,
        connectorType: unusable?.item.connectorType,
      },
      extraEvidence: noneUsable ? [...new Set(listed.map((c) => c.ref))] : [],
    });
  },
};

/**
 * An enabled OnPremises connector whose name covers the case's certificate names. (An IP connector is not
 * counted: whether its list holds the source address is C3's question.)
 */
function coversCase(c: InboundConnector, names: readonly string[]): boolean {
  const pattern = c.tlsSenderCertificateName;
  return pattern !== undefined && names.some((n) => connectorNameCovers(pattern, n));
}
