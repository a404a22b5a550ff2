import type { CauseRule } from '../cause-rule';
import type { Confidence } from '../../model/finding';
import { makeCause, withIds } from '../support';
import { acceptedDomains, sendConnectors } from '../evidence-facts';

/**
 * Targets that are not the tenant's own endpoint (domain.md §1.1 4.4.62 row, corrected 2026-12-07): the legacy
 * Office 365 hosts, and a hard-coded IP address instead of `<domain>.mail.protection.outlook.com`.
 */
const LEGACY_HOST = /(?:^|\.)(?:mail\.messaging\.microsoft\.com|mail\.global\.frontbridge\.com|messaging\.microsoft\.com|frontbridge\.com)\.?$/i;
const LITERAL_IP = /^\[?\d{1,3}(?:\.\d{1,3}){3}\]?$/;

export function isWrongSmartHost(host: string): boolean {
  const h = host.trim().replace(/:\d+$/, '');
  return LEGACY_HOST.test(h) || LITERAL_IP.test(h);
}

/**
 * C12 — wrong smart host / MX target (`451 4.4.62 Mail sent to the wrong Office 365 region. ATTR35.`; Microsoft's
 * ATTR35 article): the Send connector's SmartHosts, or the IIS smart host, names a legacy Office 365 host or a
 * literal IP address. It is not a shared IP or certificate (C9); an earlier reading of 4.4.62 said so.
 *
 * - certain: 4.4.62/ATTR35 seen and a Send connector (or the sessions' remote host) names a wrong target.
 * - likely: 4.4.62/ATTR35 alone (the settings are not in the evidence).
 * - possible: a wrong target in the settings without 4.4.62 (the connector may not be the one in use).
 * - ruled out: neither.
 *
 * Params given to the remediation: sendConnector, smartHost (the wrong one), suggestedSmartHost.
 */
export const wrongSmartHost: CauseRule = {
  id: 'cause.wrongSmartHost',
  evaluate({ findings, evidence, sessions = [] }) {
    const region = withIds(findings, ['smtp.wrongRegion']);
    const wrongConnectors = sendConnectors(evidence).filter((c) => c.item.enabled !== false && (c.item.smartHosts ?? []).some(isWrongSmartHost));
    const wrongSessions = sessions.filter((s) => s.codes.includes('ATTR35') || s.codes.includes('4.4.62'));
    const wrongTarget = wrongConnectors.length > 0;
    let confidence: Confidence;
    if (region.length > 0 || wrongSessions.length > 0) confidence = wrongTarget ? 'certain' : 'likely';
    else if (wrongTarget) confidence = 'possible';
    else return null;
    const connector = wrongConnectors[0]?.item;
    const domain = acceptedDomains(evidence)[0];
    return makeCause({
      id: this.id,
      confidence,
      support: region,
      remediation: ['remediation.fixSmartHost'],
      params: {
        sendConnector: connector?.name,
        smartHost: connector?.smartHosts?.find(isWrongSmartHost),
        suggestedSmartHost: domain ? `${domain.replace(/\./g, '-')}.mail.protection.outlook.com` : undefined,
      },
      extraEvidence: [...wrongConnectors.map((c) => c.ref), ...wrongSessions.slice(0, 5).map((s) => s.refs[0] ?? s.log)],
    });
  },
};
