import type { Finding } from '../../model/finding';
import { matchesConnectorName } from '../../x509/name-match';
import { parseTlsCertificateName, commonNamesOf } from '../dn';
import type { ExchangeCertificate } from '../types';
import { certificatesNamedBy, isExpired, type Pool, type SettingsRule } from './pool';

/**
 * C6: the Send connector's `<I>issuer<S>subject` names no certificate we were given, or only expired ones.
 * Judged only when some certificate inventory was given; an Exchange certificate list makes it certain.
 */
export const staleCertificateName: SettingsRule = (pool, context) => {
  if (pool.exchangeCertificates.length === 0 && pool.certificateFiles.length === 0) return [];
  const out: Finding[] = [];
  for (const c of pool.send) {
    if (!c.tlsCertificateName || !parseTlsCertificateName(c.tlsCertificateName)) continue;
    const named = certificatesNamedBy(pool, c.tlsCertificateName);
    const current = named.filter((n) => !isExpired(n.notAfter, context.now));
    if (current.length > 0) continue;
    const expired = named[0];
    out.push({
      id: 'sendConnector.staleCertificateName',
      severity: 'critical',
      confidence: pool.exchangeCertificates.length > 0 ? 'certain' : 'likely',
      params: {
        connector: c.name,
        tlsCertificateName: c.tlsCertificateName,
        reason: expired ? 'expired' : 'noMatch',
        certificate: expired?.thumbprint ?? 'none',
        notAfter: expired?.notAfter ?? '',
      },
      evidence: [c.ref, ...named.flatMap((n) => n.refs)],
    });
  }
  return out;
};

/** Certificates the relay depends on: named by a Send connector, or covering an inbound connector's name. */
function relevantCertificates(pool: Pool): Set<string> {
  const out = new Set<string>();
  for (const c of pool.send) for (const n of certificatesNamedBy(pool, c.tlsCertificateName ?? '')) if (n.thumbprint) out.add(n.thumbprint);
  for (const cert of pool.exchangeCertificates) {
    const names = { commonNames: commonNamesOf(cert.subject), dnsNames: cert.certificateDomains ?? [] };
    if (pool.inbound.some((c) => c.tlsSenderCertificateName && matchesConnectorName(names, c.tlsSenderCertificateName))) out.add(cert.thumbprint);
  }
  return out;
}

function certParams(c: ExchangeCertificate) {
  return { thumbprint: c.thumbprint, subject: c.subject ?? '', services: c.services ?? [] };
}

export const noPrivateKey: SettingsRule = (pool) => {
  const relevant = relevantCertificates(pool);
  return pool.exchangeCertificates
    .filter((c) => c.hasPrivateKey === false)
    .map((c) => ({
      id: 'exchangeCertificate.noPrivateKey',
      severity: relevant.has(c.thumbprint) || (c.services ?? []).includes('SMTP') ? 'critical' : 'medium',
      confidence: 'certain',
      params: certParams(c),
      evidence: [c.ref],
    }));
};

/**
 * The certificate the Send connector names (or, without a Send connector, the one covering the inbound
 * connector's name when no SMTP-enabled certificate does) is not enabled for SMTP.
 */
export const notEnabledForSmtp: SettingsRule = (pool, context) => {
  const smtp = (c: ExchangeCertificate) => (c.services ?? []).some((s) => s.toUpperCase() === 'SMTP');
  const byThumb = new Map(pool.exchangeCertificates.map((c) => [c.thumbprint, c]));
  const flagged = new Map<string, { cert: ExchangeCertificate; confidence: 'certain' | 'possible'; via: string }>();
  for (const sc of pool.send) {
    for (const n of certificatesNamedBy(pool, sc.tlsCertificateName ?? '')) {
      const cert = n.thumbprint ? byThumb.get(n.thumbprint) : undefined;
      if (cert?.services && !smtp(cert)) flagged.set(cert.thumbprint, { cert, confidence: 'certain', via: sc.ref });
    }
  }
  if (pool.send.length === 0) {
    for (const ic of pool.inbound) {
      const name = ic.tlsSenderCertificateName;
      if (!name) continue;
      const covering = pool.exchangeCertificates.filter(
        (c) => !isExpired(c.notAfter, context.now) && matchesConnectorName({ commonNames: commonNamesOf(c.subject), dnsNames: c.certificateDomains ?? [] }, name),
      );
      if (covering.length === 0 || covering.some(smtp)) continue;
      for (const cert of covering) if (cert.services) flagged.set(cert.thumbprint, { cert, confidence: 'possible', via: ic.ref });
    }
  }
  return [...flagged.values()].map(({ cert, confidence, via }) => ({
    id: 'exchangeCertificate.notEnabledForSmtp',
    severity: 'high',
    confidence,
    params: certParams(cert),
    evidence: [cert.ref, via],
  }));
};
