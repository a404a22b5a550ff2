import type { PreflightCheck } from '../types';
import { result } from '../context';
import { inboundConnectors, isEnabled, isOnPremises } from '../../diagnosis/evidence-facts';
import { connectorNameMatch } from '../../x509/name-match';

/**
 * The new certificate against every enabled OnPremises inbound connector's TlsSenderCertificateName (C2):
 * CN or a SAN, a leading `*.` only (domain.md §1.4). A connector the current certificate does not satisfy
 * either is about another certificate: it warns, it does not break.
 */
export const connectorNames: PreflightCheck = {
  id: 'preflight.connectorNames',
  run({ evidence, leaf, currentLeaves }) {
    const id = this.id;
    const all = inboundConnectors(evidence);
    if (all.length === 0) return result(id, 'unknown', 'noConnectors');
    const relay = all.filter((c) => isEnabled(c.item) && isOnPremises(c.item) !== false);
    const named = relay.filter((c) => c.item.tlsSenderCertificateName?.trim());
    if (named.length === 0) return result(id, 'pass', 'ipBased', { connectors: relay.map((c) => c.item.name) }, relay.map((c) => c.ref));
    const matched: string[] = [];
    const broken: string[] = [];
    const foreign: string[] = [];
    const invalid: string[] = [];
    const refs: string[] = [];
    for (const c of named) {
      const name = c.item.tlsSenderCertificateName ?? '';
      const label = `${c.item.name} (${name})`;
      const m = connectorNameMatch(leaf, name);
      if (m.matches) {
        matched.push(`${label} ← ${m.matchedBy ?? ''}`);
        continue;
      }
      refs.push(c.ref);
      if (m.invalidName) invalid.push(label);
      else if (currentLeaves.length > 0 && !currentLeaves.some((l) => connectorNameMatch(l, name).matches)) foreign.push(label);
      else broken.push(label);
    }
    const names = [...new Set([...leaf.commonNames, ...leaf.dnsNames])];
    if (invalid.length > 0) return result(id, 'fail', 'invalidName', { connectors: invalid, names }, refs);
    if (broken.length > 0) return result(id, 'fail', 'mismatch', { connectors: broken, names }, refs);
    if (matched.length === 0) return result(id, 'fail', 'mismatch', { connectors: foreign, names }, refs);
    if (foreign.length > 0) return result(id, 'warn', 'otherConnectors', { connectors: foreign, matched, names }, [...refs, ...named.map((c) => c.ref)]);
    return result(id, 'pass', 'matches', { connectors: matched }, named.map((c) => c.ref));
  },
};
