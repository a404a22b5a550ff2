import type { Finding } from '../../model/finding';
import { isValidConnectorName, matchesConnectorName } from '../../x509/name-match';
import { ipInRange, isPrivateIpv4 } from '../ip';
import { endpointHost } from '../../smtp/reply';
import { isOnPremisesOrUnknown, type SettingsRule } from './pool';

/** C2: the connector's TlsSenderCertificateName matches no CN/SAN of the certificate that is sent. */
export const nameMismatch: SettingsRule = (pool) => {
  if (pool.sent.length === 0) return [];
  const out: Finding[] = [];
  for (const c of pool.inbound) {
    const name = c.tlsSenderCertificateName;
    if (!name || !isValidConnectorName(name) || c.enabled === false || !isOnPremisesOrUnknown(c)) continue;
    if (pool.sent.some((cert) => matchesConnectorName(cert, name))) continue;
    const cert = pool.sent[0];
    out.push({
      id: 'connector.nameMismatch',
      severity: 'critical',
      confidence: 'likely',
      params: {
        connector: c.name,
        expectedName: name,
        certificate: cert?.label ?? '',
        certificateNames: [...new Set([...(cert?.commonNames ?? []), ...(cert?.dnsNames ?? [])])],
      },
      evidence: [c.ref, ...pool.sent.flatMap((s) => s.refs)],
    });
  }
  return out;
};

/** A TlsSenderCertificateName Exchange Online refuses (embedded wildcard, empty labels, a DN instead of a domain). */
export const invalidName: SettingsRule = (pool) =>
  pool.inbound
    .filter((c) => c.tlsSenderCertificateName && !isValidConnectorName(c.tlsSenderCertificateName))
    .map((c) => ({
      id: 'connector.invalidName',
      severity: 'high',
      confidence: 'certain',
      params: { connector: c.name, name: c.tlsSenderCertificateName ?? '' },
      evidence: [c.ref],
    }));

export const disabled: SettingsRule = (pool) =>
  pool.inbound
    .filter((c) => c.enabled === false)
    .map((c) => ({
      id: 'connector.disabled',
      severity: 'high',
      confidence: 'certain',
      params: { connector: c.name, connectorType: c.connectorType ?? 'unknown' },
      evidence: [c.ref],
    }));

/** C7: a relay connector created as Partner while no enabled OnPremises connector exists. */
export const notOnPremises: SettingsRule = (pool) => {
  const onPrem = pool.inbound.some((c) => c.enabled !== false && c.connectorType?.toLowerCase() === 'onpremises');
  if (onPrem) return [];
  return pool.inbound
    .filter((c) => c.connectorType && c.connectorType.toLowerCase() !== 'onpremises')
    .filter((c) => c.tlsSenderCertificateName || (c.senderIpAddresses ?? []).length > 0)
    .map((c) => ({
      id: 'connector.notOnPremises',
      severity: 'high',
      confidence: 'likely',
      params: { connector: c.name, connectorType: c.connectorType ?? 'unknown' },
      evidence: [c.ref],
    }));
};

/** C3: the address Exchange Online saw is in no connector's SenderIPAddresses. */
export const ipNotListed: SettingsRule = (pool) => {
  const ipConnectors = pool.inbound.filter((c) => c.enabled !== false && isOnPremisesOrUnknown(c) && (c.senderIpAddresses ?? []).length > 0);
  if (ipConnectors.length === 0) return [];
  const certConnector = pool.inbound.some((c) => c.enabled !== false && isOnPremisesOrUnknown(c) && c.tlsSenderCertificateName);
  const seen = new Map<string, string[]>();
  for (const s of pool.sessionsToEop) {
    const local = endpointHost(s.localEndpoint);
    const ip = s.observedClientIp ?? (local && !isPrivateIpv4(local) ? local : undefined);
    if (!ip) continue;
    const ref = s.lines.find((l) => l.kind === 'reply' && l.text.includes(`[${ip}]`))?.ref ?? s.lines[0]?.ref;
    const refs = seen.get(ip) ?? [];
    if (ref && refs.length < 5) refs.push(ref);
    seen.set(ip, refs);
  }
  const out: Finding[] = [];
  for (const [ip, refs] of seen) {
    if (ipConnectors.some((c) => (c.senderIpAddresses ?? []).some((r) => ipInRange(ip, r)))) continue;
    out.push({
      id: 'connector.ipNotListed',
      severity: 'high',
      // With a certificate connector as well, the IP list may simply not be the one that should match.
      confidence: certConnector ? 'possible' : 'likely',
      params: {
        ip,
        connectors: ipConnectors.map((c) => c.name),
        addresses: ipConnectors.flatMap((c) => c.senderIpAddresses ?? []),
      },
      evidence: [...ipConnectors.map((c) => c.ref), ...refs],
    });
  }
  return out;
};
