import type { Evidence } from '../../../../shared/model/evidence';
import type { ChainReport } from '../../../../shared/model/report';
import { PREFLIGHT_SCHEMA, type PreflightReport } from '../../../../shared/preflight/types';
import type { SwitchOverInput } from '../../../../shared/switchover';
import type { Locale } from '../../../../shared/i18n/locales';
import type { CertificateEvidence } from '../../../../shared/x509/types';
import { INTERMEDIATE, LEAF, ROOT, pfxEvidence as fixPackPfx } from '../fixpack/helpers';

export { INTERMEDIATE, LEAF, ROOT };

/** What the certificate reader gives for server.pfx (format pkcs12, the key noted by thumbprint only). */
export function pfxEvidence(): CertificateEvidence {
  return { ...fixPackPfx(), format: 'pkcs12' };
}

export const SEND_CONNECTOR = 'Outbound to Office 365';
export const OLD_NAME = '<I>CN=Old Issuing CA, O=Old<S>CN=relay.contoso.com';

/** A pre-flight report of server.pfx as runPreflight makes it (only the fields the pack reads matter). */
export function preflightReport(overrides: Partial<PreflightReport> = {}): PreflightReport {
  return {
    schema: PREFLIGHT_SCHEMA,
    generatedAt: '2026-12-01T09:00:00.000Z',
    validationTime: '2026-12-01T09:00:00.000Z',
    locale: 'en',
    verdict: 'willWork',
    certificate: {
      file: 'server.pfx',
      sha1: LEAF.sha1,
      subject: LEAF.subject,
      issuer: LEAF.issuer,
      notBefore: LEAF.notBefore,
      notAfter: LEAF.notAfter,
      dnsNames: LEAF.dnsNames,
      sendConnectorName: LEAF.sendConnectorName,
    },
    failed: [],
    warnings: [],
    checks: [],
    inputs: [],
    ...overrides,
  };
}

/** Get-SendConnector output: the connector to Exchange Online, naming the old certificate, on the given servers. */
export function sendConnectorSettings(name = SEND_CONNECTOR, servers: readonly string[] = ['EX01']): Evidence {
  return {
    kind: 'settings',
    id: 'Get-SendConnector.txt',
    source: 'Get-SendConnector.txt',
    format: 'list',
    inboundConnectors: [],
    sendConnectors: [{ ref: 'Get-SendConnector.txt#L1', name, smartHosts: ['contoso-com.mail.protection.outlook.com'], tlsCertificateName: OLD_NAME, sourceTransportServers: servers }],
    exchangeCertificates: [],
    acceptedDomains: [],
  } as Evidence;
}

export function iisLog(): Evidence {
  return { kind: 'smtpLog', id: 'ex240514.log', source: 'ex240514.log', format: 'iis', sessions: [] } as Evidence;
}

export const CHAINS: ChainReport[] = [{ leaf: LEAF.sha1, path: [LEAF.sha1, INTERMEDIATE.sha1, ROOT.sha1], status: 'untrusted', trustStore: 'mozilla' }];

export function switchOverInput(locale: Locale, evidence: Evidence[] = [pfxEvidence(), sendConnectorSettings()], overrides: Partial<SwitchOverInput> = {}): SwitchOverInput {
  return { preflight: preflightReport(), evidence, chains: CHAINS, locale, ...overrides };
}
