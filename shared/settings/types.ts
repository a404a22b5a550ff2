/**
 * Connector and certificate configuration as the admin's cmdlet output shows it. Absent fields were not in
 * the output (a Format-Table or a narrowed Format-List shows only some). Every item keeps `ref`
 * (`<file>#record:<n>`) so findings can point back to it.
 */

/** Exchange Online inbound connector (Get-InboundConnector). */
export interface InboundConnector {
  readonly ref: string;
  readonly name: string;
  readonly enabled?: boolean;
  readonly connectorType?: string;
  readonly senderIpAddresses?: readonly string[];
  readonly tlsSenderCertificateName?: string;
  readonly requireTls?: boolean;
  readonly restrictDomainsToCertificate?: boolean;
  readonly restrictDomainsToIpAddresses?: boolean;
  readonly senderDomains?: readonly string[];
}

/** On-premises Exchange Send connector (Get-SendConnector). */
export interface SendConnector {
  readonly ref: string;
  readonly name: string;
  readonly enabled?: boolean;
  readonly smartHosts?: readonly string[];
  readonly addressSpaces?: readonly string[];
  /** `<I>issuer<S>subject` as configured. */
  readonly tlsCertificateName?: string;
  readonly requireTls?: boolean;
  readonly tlsAuthLevel?: string;
  readonly fqdn?: string;
  /** The servers that send through this connector: the organisation-wide setting applies to each (§11.4). */
  readonly sourceTransportServers?: readonly string[];
  readonly frontendProxyEnabled?: boolean;
}

/** Get-ExchangeCertificate (or Get-ChildItem Cert:\LocalMachine\My, which has the same core fields). */
export interface ExchangeCertificate {
  readonly ref: string;
  readonly thumbprint: string;
  readonly subject?: string;
  readonly issuer?: string;
  readonly services?: readonly string[];
  readonly hasPrivateKey?: boolean;
  readonly notAfter?: string;
  readonly certificateDomains?: readonly string[];
  readonly isSelfSigned?: boolean;
}

/** Get-AcceptedDomain. */
export interface AcceptedDomain {
  readonly ref: string;
  readonly domainName: string;
  readonly domainType?: string;
}

/** collect-evidence.ps1's manifest.json: which server the evidence beside it was collected on, and when. */
export interface CollectorManifest {
  readonly ref: string;
  readonly computer: string;
  readonly collectedAt?: string;
  readonly frontendProxyEnabled?: boolean;
}

/**
 * The chain of one certificate as the server itself builds it from its local stores (the collector's
 * `<thumbprint>-chain-status.txt`, X509Chain with downloads off): what Schannel can send. `PartialChain` means
 * an intermediate is missing on that machine (KB 3212877).
 */
export interface LocalChainStatus {
  readonly ref: string;
  readonly thumbprint?: string;
  readonly statuses: readonly string[];
}

export interface SettingsEvidence {
  readonly kind: 'settings';
  readonly id: string;
  readonly source: string;
  readonly format: 'list' | 'table' | 'json' | 'clixml';
  readonly inboundConnectors: readonly InboundConnector[];
  /** Exchange Send connectors, and IIS SMTP virtual servers (IIsSmtpServerSetting: their smart host). */
  readonly sendConnectors: readonly SendConnector[];
  readonly exchangeCertificates: readonly ExchangeCertificate[];
  readonly acceptedDomains: readonly AcceptedDomain[];
  readonly manifests?: readonly CollectorManifest[];
  readonly localChains?: readonly LocalChainStatus[];
}
