import type { CauseRule } from '../cause-rule';
import { ATTRIBUTION_FAILURE, atMost, makeCause, withIds } from '../support';
import { relayConnectors } from '../evidence-facts';

/**
 * C8 — no TLS, so no client certificate: the relay never issues STARTTLS (IIS "TLS encryption" not ticked,
 * `IgnoreSTARTTLS`) or can only speak TLS 1.0/1.1, which Microsoft 365 refuses (domain.md §1.1 SocketError
 * KB, §1.3 C8, §2 "TLS version"). Linking no-TLS to 5.7.64 is an inference of the domain notes; it is a
 * certainty only where a certificate is what the connector matches on.
 *
 * - certain: `smtp.noStartTls` with 5.7.64 and a certificate-based connector (without TLS no certificate
 *   can be presented, so the connector cannot match).
 * - likely: `smtp.noStartTls` or `smtp.legacyTls` otherwise.
 * - possible: either with an IP-based connector whose RequireTls is $true (or unknown for SocketError).
 * - ruled out: no STARTTLS on an IP-based connector that does not require TLS (IP attribution needs none).
 * - ruled out: neither finding.
 *
 * Params read: none. Params given to the remediation: none (the sending system comes from the answers).
 */
export const noTls: CauseRule = {
  id: 'cause.noTls',
  evaluate({ findings, answers, evidence }) {
    const noStartTls = withIds(findings, ['smtp.noStartTls']);
    const legacy = withIds(findings, ['smtp.legacyTls']);
    if (noStartTls.length + legacy.length === 0) return null;
    // An IP-based connector attributes without TLS; only RequireTls $true makes a plain session fail there.
    if (answers.connectorType === 'ip' && noStartTls.length > 0 && legacy.length === 0 && !relayConnectors(evidence).some((c) => c.item.requireTls === true))
      return null;
    const attribution = withIds(findings, [ATTRIBUTION_FAILURE]);

    let confidence: 'certain' | 'likely' | 'possible' =
      noStartTls.length > 0 && attribution.length > 0 && answers.connectorType === 'certificate' ? 'certain' : 'likely';
    if (answers.connectorType === 'ip') confidence = atMost(confidence, 'possible');
    return makeCause({
      id: this.id,
      confidence,
      support: [...noStartTls, ...legacy, ...attribution],
      remediation: ['remediation.enableTls'],
      params: { sendingSystem: answers.sendingSystem },
    });
  },
};
