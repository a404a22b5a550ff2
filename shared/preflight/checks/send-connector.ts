import type { PreflightCheck } from '../types';
import { namesCertificate, result } from '../context';
import { sendConnectors } from '../../diagnosis/evidence-facts';

/**
 * The exact `<I>issuer<S>subject` the Send connector will need (Windows X.500 form, most specific RDN first,
 * as Get-ExchangeCertificate prints Issuer and Subject): always given, it is what Set-SendConnector takes.
 */
export const sendConnectorName: PreflightCheck = {
  id: 'preflight.sendConnectorName',
  run({ leaf }) {
    return result(this.id, 'pass', 'value', { value: leaf.sendConnectorName, thumbprint: leaf.sha1 }, [`cert:${leaf.sha1}`]);
  },
};

/**
 * Whether a Send connector names another certificate (C6): `TlsCertificateName` is organisation-wide, so it
 * must be repointed, and every server in SourceTransportServers needs the new certificate (domain.md §11.4).
 */
export const sendConnectorRepoint: PreflightCheck = {
  id: 'preflight.sendConnectorRepoint',
  run({ evidence, leaf }) {
    const id = this.id;
    const all = sendConnectors(evidence).filter((c) => c.item.enabled !== false);
    if (all.length === 0) return result(id, 'unknown', 'noSendConnector');
    const named = all.filter((c) => c.item.tlsCertificateName?.trim());
    if (named.length === 0) return result(id, 'unknown', 'notSet', { connectors: all.map((c) => c.item.name) }, all.map((c) => c.ref));
    const stale = named.filter((c) => !namesCertificate(c.item.tlsCertificateName ?? '', leaf));
    const servers = [...new Set(named.flatMap((c) => c.item.sourceTransportServers ?? []))];
    if (stale.length === 0) return result(id, 'pass', 'alreadyNamed', { connectors: named.map((c) => c.item.name), servers }, named.map((c) => c.ref));
    return result(
      id,
      'fail',
      'namesOther',
      { connectors: stale.map((c) => c.item.name), current: stale.map((c) => c.item.tlsCertificateName ?? ''), value: leaf.sendConnectorName, servers },
      stale.map((c) => c.ref),
    );
  },
};
