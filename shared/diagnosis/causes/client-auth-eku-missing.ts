import type { CauseRule } from '../cause-rule';
import { CONFIDENCE_ORDER } from '../../model/finding';
import { ATTRIBUTION_FAILURE, makeCause, thumbprintsOf, withIds } from '../support';
import { acceptedAlike } from '../counter-evidence';

/**
 * §10 — the leaf has no Client Authentication EKU. Public CAs stopped issuing it in 2025–2026; Windows/.NET
 * clients are reported to filter such certificates out and send none, so EOP would see no certificate.
 * Not documented by Microsoft for Exchange or EOP: this cause is ALWAYS `possible` and its text says that
 * it is unconfirmed (domain.md §10).
 *
 * - possible: `cert.noClientAuthEku` and no other cause is certain (it sits next to a likely C1, §11.5).
 * - never certain or likely; ruled out when another cause is certain (fix that first), or when the
 *   connector is IP-based (no certificate is needed then).
 *
 * Runs as a fallback rule. Params read: thumbprints from `cert:<sha1>` references.
 * Params given to the remediation: thumbprint, recentRenewal (from the answers, when given).
 */
export const clientAuthEkuMissing: CauseRule = {
  id: 'cause.clientAuthEkuMissing',
  phase: 'fallback',
  evaluate({ findings, answers, primaryCauses = [], sessions = [] }) {
    const noEku = withIds(findings, ['cert.noClientAuthEku']);
    if (noEku.length === 0 || answers.connectorType === 'ip') return null;
    // A cause of a refusal needs a refusal; and mail accepted with this certificate shows EOP took it (§10).
    const attribution = withIds(findings, [ATTRIBUTION_FAILURE, 'smtp.attr36']);
    if (attribution.length === 0) return null;
    const leaves = new Set(thumbprintsOf(noEku));
    if (acceptedAlike(sessions).length > 0 || sessions.some((s) => s.toEop && s.outcome === 'accepted' && s.certificate?.thumbprint && leaves.has(s.certificate.thumbprint))) return null;
    // At most a possible cause next to C1 (§11.5): only a certain cause elsewhere rules it out.
    const explained = primaryCauses.some((c) => CONFIDENCE_ORDER.indexOf(c.confidence) === 0);
    if (explained) return null;
    return makeCause({
      id: this.id,
      confidence: 'possible',
      support: [...noEku, ...attribution],
      remediation: ['remediation.clientAuthCertificate'],
      params: { thumbprint: thumbprintsOf(noEku)[0], recentRenewal: answers.recentRenewal },
    });
  },
};
