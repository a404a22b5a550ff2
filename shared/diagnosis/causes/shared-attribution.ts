import type { CauseRule } from '../cause-rule';
import { CONFIDENCE_ORDER } from '../../model/finding';
import { ATTRIBUTION_FAILURE, makeCause, withIds } from '../support';

/**
 * C9 — a shared IP or shared certificate across tenants leads to attribution to another tenant; it works,
 * then breaks after Microsoft-side tenant moves, and can surface as 5.7.64 or `4.4.62 Mail sent to the
 * wrong Office 365 region` (domain.md §1.1, §1.3 C9, MC1226222). Nothing in on-premises evidence proves it.
 *
 * - possible: `smtp.wrongRegion` and no other cause is certain or likely (4.4.62 is also a symptom of a
 *   changed IP or certificate, C2/C3, which explain it better when found).
 * - never certain or likely; ruled out when another cause is certain or likely, or without 4.4.62.
 *
 * Runs as a fallback rule (after the primary ones). Params read: none.
 */
export const sharedAttribution: CauseRule = {
  id: 'cause.sharedAttribution',
  phase: 'fallback',
  evaluate({ findings, primaryCauses = [] }) {
    const wrongRegion = withIds(findings, ['smtp.wrongRegion']);
    if (wrongRegion.length === 0) return null;
    const explained = primaryCauses.some((c) => CONFIDENCE_ORDER.indexOf(c.confidence) <= CONFIDENCE_ORDER.indexOf('likely'));
    if (explained) return null;
    return makeCause({
      id: this.id,
      confidence: 'possible',
      support: [...wrongRegion, ...withIds(findings, [ATTRIBUTION_FAILURE])],
      remediation: ['remediation.uniqueCertificatePerTenant'],
    });
  },
};
