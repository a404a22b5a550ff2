import type { RemediationEntry, RemediationParameter, RemediationSide, ScriptBlockId } from './types';

/** Builds an entry whose text keys follow the `<id>.title|detail|step<n>` convention. */
function entry(
  name: string,
  steps: number,
  side: RemediationSide,
  parameters: readonly RemediationParameter[],
  scriptBlocks: readonly ScriptBlockId[],
  docUrl: string,
): RemediationEntry {
  const id = `remediation.${name}`;
  return {
    id,
    titleKey: `${id}.title`,
    detailKey: `${id}.detail`,
    stepsKeys: Array.from({ length: steps }, (_, i) => `${id}.step${i + 1}`),
    parameters,
    scriptBlocks,
    side,
    docUrl,
  };
}

const cause = (name: string, list = false): RemediationParameter => ({ name, from: 'cause', ...(list ? { list } : {}) });
const admin = (name: string): RemediationParameter => ({ name, from: 'admin' });

/**
 * Every fix Relay Doctor knows, one or more per cause (findings.md "Causes"; domain.md §1.3 "Official fix",
 * §1.4, §7.2). Steps quote the exact cmdlets; the fix-pack generator renders them and runs the listed
 * script blocks. Ids are a public contract: add, never rename.
 */
export const REMEDIATIONS: readonly RemediationEntry[] = [
  // C1, KB 3212877
  entry('importIntermediates', 5, 'onPremises', [cause('missingIssuer'), cause('aiaUrls', true), cause('thumbprint')],
    ['importIntermediates', 'restartTransport', 'verifyChain'],
    'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/tenantattribution-ndr'),
  // C2
  entry('fixConnectorName', 4, 'exchangeOnline',
    [cause('inboundConnector'), cause('currentName'), cause('names', true), cause('expectedName')],
    ['setInboundConnectorName'],
    'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/relay-access-denied-smtp'),
  // C3
  entry('updateSenderIp', 4, 'exchangeOnline', [cause('inboundConnector'), cause('senderIp'), cause('listedIps', true)],
    ['setInboundConnectorIps'],
    'https://learn.microsoft.com/en-us/powershell/module/exchange/set-inboundconnector'),
  // C4, ATTR36
  entry('addAcceptedDomain', 4, 'exchangeOnline',
    [cause('certificateDomain'), cause('suggestedDomain'), cause('acceptedDomains', true)],
    [],
    'https://learn.microsoft.com/en-us/exchange/troubleshoot/hybrid-configuration-wizard-errors/relay-access-denied-attr36-ndr'),
  // C5
  entry('fixEnvelopeSender', 3, 'both', [cause('envelopeSender'), cause('acceptedDomain'), admin('certificateDomain')],
    [],
    'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/updated-requirements-smtp-relay'),
  // C6, KB 4495258, KB 2989382
  entry('fixSendConnectorCertificate', 5, 'onPremises', [cause('thumbprint'), cause('sendConnector')],
    ['setSendConnectorCertificate', 'restartTransport', 'verifyChain'],
    'https://learn.microsoft.com/en-us/exchange/troubleshoot/mailflow/tls-negotiation-failed-with-error-nocredentials-error'),
  // C7
  entry('fixInboundConnector', 4, 'exchangeOnline', [cause('inboundConnector'), admin('certificateDomain')],
    [],
    'https://learn.microsoft.com/en-us/powershell/module/exchange/set-inboundconnector'),
  // C8
  entry('enableTls', 4, 'onPremises', [cause('sendConnector')], ['enableStartTls', 'enableTls12'],
    'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/send-receive-emails-socketerror'),
  // C9, MC1226222
  entry('uniqueCertificatePerTenant', 3, 'both', [admin('certificateDomain')],
    ['setSendConnectorCertificate', 'setInboundConnectorName'],
    'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/updated-requirements-smtp-relay'),
  // C10
  entry('renewCertificate', 5, 'onPremises', [cause('thumbprint'), cause('subject'), cause('notAfter')],
    ['setSendConnectorCertificate', 'restartTransport', 'verifyChain'],
    'https://learn.microsoft.com/en-us/exchange/certificate-requirements'),
  // §10 — no Microsoft documentation exists; the link is the closest first-hand report (domain.md §10).
  entry('clientAuthCertificate', 4, 'onPremises', [cause('thumbprint')], ['verifyChain'],
    'https://github.com/dotnet/runtime/issues/121982'),
  // C12, 451 4.4.62 ATTR35 (added 2026-12-07): manual steps; the endpoint comes from the tenant's MX record.
  entry('fixSmartHost', 3, 'onPremises', [cause('sendConnector'), cause('smartHost'), cause('suggestedSmartHost')], [],
    'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/fix-issues-with-printers-scanners-and-lob-applications-that-send-email-using-off'),
];

const BY_ID = new Map(REMEDIATIONS.map((r) => [r.id, r]));

/** The entry for a remediation id, or undefined for an id this version does not know. */
export function remediationById(id: string): RemediationEntry | undefined {
  return BY_ID.get(id);
}
