import type { Analyzer } from '../model/analyzer';
import { buildPool, type SettingsRule } from './rules/pool';
import { disabled, invalidName, ipNotListed, nameMismatch, notOnPremises } from './rules/connector-rules';
import { noPrivateKey, notEnabledForSmtp, staleCertificateName } from './rules/certificate-rules';
import { certificateDomainNotAccepted } from './rules/accepted-domain-rule';

/** The settings rules, grouped by what they judge (findings.md "Connector and certificate configuration"). */
const RULES: readonly SettingsRule[] = [
  // Exchange Online inbound connectors
  nameMismatch,
  invalidName,
  disabled,
  notOnPremises,
  ipNotListed,
  // On-premises Send connector and Exchange certificates
  staleCertificateName,
  noPrivateKey,
  notEnabledForSmtp,
  // Tenant accepted domains (ATTR36)
  certificateDomainNotAccepted,
];

/**
 * Connector and certificate configuration, cross-checked against the certificates and SMTP sessions in the
 * same analysis (a certificate file, a protocol log's "Certificate subject" lines).
 */
export const settingsAnalyzer: Analyzer = {
  id: 'settings',
  async analyze(evidence, context) {
    const pool = buildPool(evidence);
    if (pool.inbound.length + pool.send.length + pool.exchangeCertificates.length + pool.acceptedDomains.length === 0) {
      return { findings: [] };
    }
    return { findings: RULES.flatMap((rule) => rule(pool, context)) };
  },
};
