/** Exchange Online inbound connector (Get-InboundConnector). Absent fields were not in the output. */
export interface InboundConnector {
  readonly name: string;
  readonly enabled?: boolean;
  readonly connectorType?: string;
  readonly senderIpAddresses?: readonly string[];
  readonly tlsSenderCertificateName?: string;
  readonly requireTls?: boolean;
  readonly restrictDomainsToCertificate?: boolean;
  readonly restrictDomainsToIpAddresses?: boolean;
}

/** On-premises Exchange Send connector (Get-SendConnector). */
export interface SendConnector {
  readonly name: string;
  readonly enabled?: boolean;
  readonly smartHosts?: readonly string[];
  readonly tlsCertificateName?: string;
  readonly requireTls?: boolean;
  readonly fqdn?: string;
}

/** Get-ExchangeCertificate. */
export interface ExchangeCertificate {
  readonly thumbprint: string;
  readonly subject?: string;
  readonly issuer?: string;
  readonly services?: readonly string[];
  readonly hasPrivateKey?: boolean;
  readonly notAfter?: string;
  readonly certificateDomains?: readonly string[];
  readonly isSelfSigned?: boolean;
}

export interface SettingsEvidence {
  readonly kind: 'settings';
  readonly id: string;
  readonly source: string;
  readonly format: 'list' | 'table' | 'json' | 'clixml';
  readonly inboundConnectors: readonly InboundConnector[];
  readonly sendConnectors: readonly SendConnector[];
  readonly exchangeCertificates: readonly ExchangeCertificate[];
  readonly acceptedDomains: readonly string[];
}
