import type { CauseRule } from '../cause-rule';
import { CONFIDENCE_ORDER } from '../../model/finding';
import { ATTRIBUTION_FAILURE, makeCause, withIds } from '../support';

/**
 * C9 — a shared IP or shared certificate across tenants leads to attribution to another tenant; it works, then
 * breaks after Microsoft-side tenant moves, and surfaces as 5.7.64 (domain.md §1.3 C9, MC1226222). Not as
 * `4.4.62`: that is a wrong smart host (C12, corrected 2026-12-07). Nothing in on-premises evidence proves it.
 *
 * - possible: 5.7.64 on an IP-based connector and no other cause is certain or likely.
 * - never certain or likely; ruled out when another cause is certain or likely, or without 5.7.64.
 *
 * Runs as a fallback rule (after the primary ones). Params read: none.
 */
export const sharedAttribution: CauseRule = {
  id: 'cause.sharedAttribution',
  phase: 'fallback',
  evaluate({ findings, answers, primaryCauses = [] }) {
    const attribution = withIds(findings, [ATTRIBUTION_FAILURE]);
    if (attribution.length === 0 || answers.connectorType !== 'ip') return null;
    const explained = primaryCauses.some((c) => CONFIDENCE_ORDER.indexOf(c.confidence) <= CONFIDENCE_ORDER.indexOf('likely'));
    if (explained) return null;
    return makeCause({
      id: this.id,
      confidence: 'possible',
      support: attribution,
      remediation: ['remediation.uniqueCertificatePerTenant'],
    });
  },
};
