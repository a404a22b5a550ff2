/**
 * The remediation catalog's shapes (style.md §3.5 "Remediation entries are data"). The fix-pack generators
 * read entries and render them; nothing here knows about PDFs or scripts.
 */

/**
 * PowerShell blocks the fix-pack script generator provides (shared/remediation/scripts/registry.ts, which
 * runs them in its own order). An entry lists the blocks its fix needs; an entry whose fix happens in a
 * portal or needs the admin's judgement (accepted domains, a new connector) lists none and is guide-only.
 * - importIntermediates: import the embedded intermediate CA certificates into Cert:\LocalMachine\CA
 *   (thumbprints checked first; KB 3212877).
 * - setSendConnectorCertificate: `Set-SendConnector <name> -TlsCertificateName "<I>issuer<S>subject"`, the
 *   names taken from Get-ExchangeCertificate on the server.
 * - setInboundConnectorName: Exchange Online, `Set-InboundConnector <name> -TlsSenderCertificateName <v>`.
 * - setInboundConnectorIps: Exchange Online, `Set-InboundConnector <name> -SenderIPAddresses <list>`.
 * - enableStartTls: outbound STARTTLS: IIS SMTP's Outbound Security ▸ TLS encryption (AlwaysUseSsl), or the
 *   Exchange Send connector's RequireTLS $true / IgnoreSTARTTLS $false.
 * - enableTls12: Schannel `TLS 1.2` registry values (and .NET's on Exchange); only when the evidence shows
 *   TLS 1.0/1.1 (smtp.legacyTls); reboot needed.
 * - restartTransport: restart MSExchangeTransport (and Front End Transport) or SMTPSVC so Schannel picks up changes.
 * - verifyChain: the intermediates in LocalMachine\CA, the chain built from local stores, certutil -verify
 *   without -urlfetch, every source server's certificate; how to confirm on the next send.
 * Steps such as Enable-ExchangeCertificate or Retry-Queue are in the entries' localized steps; they have no
 * block yet (candidates for the fix-pack engineer).
 */
export const SCRIPT_BLOCK_IDS = [
  'importIntermediates',
  'setSendConnectorCertificate',
  'setInboundConnectorName',
  'setInboundConnectorIps',
  'enableStartTls',
  'enableTls12',
  'restartTransport',
  'verifyChain',
] as const;
export type ScriptBlockId = (typeof SCRIPT_BLOCK_IDS)[number];

/** Where the fix is applied: the sending server, the Exchange Online tenant, or both. */
export type RemediationSide = 'onPremises' | 'exchangeOnline' | 'both';

/**
 * One parameter a remediation's steps and script blocks use. `from: 'cause'` means the diagnosing cause puts
 * it in `Cause.params` under the same name when the evidence shows it; `from: 'admin'` means the admin has to
 * supply it (the guide shows a placeholder `<name>`). Label key: `remediation.param.<name>`.
 */
export interface RemediationParameter {
  readonly name: string;
  readonly from: 'cause' | 'admin';
  readonly list?: boolean;
}

export interface RemediationEntry {
  /** Stable id (findings.md style): `remediation.<name>`. */
  readonly id: string;
  /** `<id>.title`; the summary is `<id>.detail`. */
  readonly titleKey: string;
  readonly detailKey: string;
  /** Numbered steps, `<id>.step<n>`; ICU arguments are parameter names of this entry. */
  readonly stepsKeys: readonly string[];
  readonly parameters: readonly RemediationParameter[];
  readonly scriptBlocks: readonly ScriptBlockId[];
  readonly side: RemediationSide;
  /** Microsoft documentation for this fix (domain.md sources). */
  readonly docUrl: string;
}
