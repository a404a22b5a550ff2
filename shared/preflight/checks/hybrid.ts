import type { PreflightCheck } from '../types';
import { namesCertificate, result } from '../context';
import { inboundConnectors } from '../../diagnosis/evidence-facts';

/**
 * The hybrid side (domain.md §1.4 inbound note, §11.4): an inbound connector made by the Hybrid Configuration
 * Wizard is rewritten by the next HCW run (rerun it and pick the new certificate rather than editing the
 * connector by hand); a receive connector's TlsCertificateName naming another certificate goes stale
 * (KB 2989382: STARTTLS disappears, Exchange Online → on-premises mail fails with 451 5.7.3).
 */
export const hybrid: PreflightCheck = {
  id: 'preflight.hybrid',
  run({ hybrid: facts, evidence, leaf }) {
    const id = this.id;
    const wizard = facts?.hybridInbound ?? [];
    const receive = (facts?.receiveConnectors ?? []).filter((r) => r.tlsCertificateName.trim() !== '');
    const staleReceive = receive.filter((r) => !namesCertificate(r.tlsCertificateName, leaf));
    const refs = [...wizard.map((w) => w.ref), ...staleReceive.map((r) => r.ref)];
    if (wizard.length > 0 || staleReceive.length > 0) {
      return result(
        id,
        'warn',
        staleReceive.length > 0 ? 'receiveConnector' : 'hybridWizard',
        { inbound: wizard.map((w) => w.name), receive: staleReceive.map((r) => r.name), current: staleReceive.map((r) => r.tlsCertificateName), value: leaf.sendConnectorName },
        refs,
      );
    }
    if (inboundConnectors(evidence).length === 0 && (facts?.receiveConnectors.length ?? 0) === 0) return result(id, 'unknown', 'noSettings');
    return result(id, 'pass', 'notInvolved', {}, receive.map((r) => r.ref));
  },
};
