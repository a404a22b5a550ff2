import type { RawRecord, RawValue } from './record';
import type { AcceptedDomain, CollectorManifest, ExchangeCertificate, InboundConnector, LocalChainStatus, SendConnector } from './types';
import { asBool, asDate, asList, asString } from './values';

export interface Classified {
  inboundConnectors: InboundConnector[];
  sendConnectors: SendConnector[];
  exchangeCertificates: ExchangeCertificate[];
  acceptedDomains: AcceptedDomain[];
  manifests: CollectorManifest[];
  localChains: LocalChainStatus[];
  unknown: number;
}

type Kind = 'inbound' | 'send' | 'certificate' | 'acceptedDomain' | 'manifest' | 'iisSmtp' | 'chainStatus';

/** Which cmdlet wrote a record: from the CLIXML type name when there is one, else from its properties. */
function kindOf(r: RawRecord): Kind | undefined {
  const t = r.typeName ?? '';
  if (/InboundConnector/i.test(t)) return 'inbound';
  if (/SendConnector/i.test(t)) return 'send';
  if (/ReceiveConnector/i.test(t)) return undefined;
  if (/ExchangeCertificate|X509Certificate/i.test(t)) return 'certificate';
  if (/AcceptedDomain/i.test(t)) return 'acceptedDomain';
  const has = (k: string) => r.props.has(k);
  // What collect-evidence.ps1 writes beside the cmdlet output (shared/powershell/collector-script.ts).
  if (has('tool') && has('computer') && /relay-doctor collect-evidence/i.test(String(r.props.get('tool')))) return 'manifest';
  if (/IIsSmtpServerSetting/i.test(t) || (has('smarthost') && (has('fullyqualifieddomainname') || has('smarthosttype')))) return 'iisSmtp';
  if (has('status') && has('statusinformation') && r.props.size <= 3) return 'chainStatus';
  if (has('tlssendercertificatename') || has('senderipaddresses') || has('restrictdomainstocertificate')) return 'inbound';
  // Receive connectors also have TlsCertificateName, but they have Bindings/RemoteIPRanges and no address spaces.
  if (has('bindings') || has('remoteipranges')) return undefined;
  if (has('addressspaces') || has('smarthosts') || has('dnsroutingenabled') || has('tlscertificatename')) return 'send';
  if (has('thumbprint')) return 'certificate';
  if (has('domainname') && (has('domaintype') || has('default') || has('name'))) return 'acceptedDomain';
  return undefined;
}

/**
 * AllowedServices flags as ConvertTo-Json writes them (a number): IMAP 1, POP 2, UM 4, IIS 8, SMTP 16,
 * Federation 32, UMCallRouter 64. (Flag values from memory of the Exchange enum; text forms are preferred.)
 */
const SERVICE_FLAGS: ReadonlyArray<[number, string]> = [
  [1, 'IMAP'],
  [2, 'POP'],
  [4, 'UM'],
  [8, 'IIS'],
  [16, 'SMTP'],
  [32, 'Federation'],
  [64, 'UMCallRouter'],
];

function services(value: RawValue | undefined): string[] | undefined {
  if (typeof value === 'number') return SERVICE_FLAGS.filter(([bit]) => (value & bit) !== 0).map(([, name]) => name);
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return services(Number(value));
  return asList(value)?.flatMap((s) => s.split(/\s*,\s*/)).filter(Boolean);
}

/** `<I>issuer<S>subject`, or the object ConvertTo-Json makes of an SmtpX509Identifier. */
function tlsCertificateName(value: RawValue | undefined): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as { readonly [k: string]: RawValue };
    const issuer = asString(o['CertificateIssuer']);
    const subject = asString(o['CertificateSubject']);
    if (issuer || subject) return `<I>${issuer ?? ''}<S>${subject ?? ''}`;
  }
  return asString(value);
}

function opt<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export function classify(records: readonly RawRecord[], refOf: (r: RawRecord) => string, sourceName = ''): Classified {
  const out: Classified = { inboundConnectors: [], sendConnectors: [], exchangeCertificates: [], acceptedDomains: [], manifests: [], localChains: [], unknown: 0 };
  // The collector names a chain status file after its certificate: `<SHA-1>-chain-status.txt`.
  const chainThumbprint = /([0-9A-Fa-f]{40})-chain-status\.[a-z]+$/.exec(sourceName)?.[1]?.toUpperCase();
  const statuses: string[] = [];
  let chainRef: string | undefined;
  for (const r of records) {
    const p = (k: string) => r.props.get(k);
    const ref = refOf(r);
    const name = asString(p('name')) ?? asString(p('identity')) ?? '';
    switch (kindOf(r)) {
      case 'inbound':
        out.inboundConnectors.push({
          ref,
          name,
          ...opt('enabled', asBool(p('enabled'))),
          ...opt('connectorType', asString(p('connectortype'))),
          ...opt('senderIpAddresses', asList(p('senderipaddresses'))),
          ...opt('tlsSenderCertificateName', asString(p('tlssendercertificatename'))),
          ...opt('requireTls', asBool(p('requiretls'))),
          ...opt('restrictDomainsToCertificate', asBool(p('restrictdomainstocertificate'))),
          ...opt('restrictDomainsToIpAddresses', asBool(p('restrictdomainstoipaddresses'))),
          ...opt('senderDomains', asList(p('senderdomains'))),
        });
        break;
      case 'send':
        out.sendConnectors.push({
          ref,
          name,
          ...opt('enabled', asBool(p('enabled'))),
          ...opt('smartHosts', asList(p('smarthosts'))),
          ...opt('addressSpaces', asList(p('addressspaces'))),
          ...opt('tlsCertificateName', tlsCertificateName(p('tlscertificatename'))),
          ...opt('requireTls', asBool(p('requiretls'))),
          ...opt('tlsAuthLevel', asString(p('tlsauthlevel'))),
          ...opt('fqdn', asString(p('fqdn'))),
          ...opt('sourceTransportServers', asList(p('sourcetransportservers'))),
          ...opt('frontendProxyEnabled', asBool(p('frontendproxyenabled'))),
        });
        break;
      case 'certificate': {
        const thumbprint = asString(p('thumbprint'))?.replace(/\s+/g, '').toUpperCase();
        if (!thumbprint) {
          out.unknown++;
          break;
        }
        out.exchangeCertificates.push({
          ref,
          thumbprint,
          ...opt('subject', asString(p('subject'))),
          ...opt('issuer', asString(p('issuer'))),
          ...opt('services', services(p('services'))),
          ...opt('hasPrivateKey', asBool(p('hasprivatekey'))),
          ...opt('notAfter', asDate(p('notafter'))),
          ...opt('certificateDomains', asList(p('certificatedomains') ?? p('dnsnamelist'))),
          ...opt('isSelfSigned', asBool(p('isselfsigned'))),
        });
        break;
      }
      case 'acceptedDomain': {
        const domainName = asString(p('domainname'));
        if (!domainName) {
          out.unknown++;
          break;
        }
        out.acceptedDomains.push({ ref, domainName, ...opt('domainType', asString(p('domaintype'))) });
        break;
      }
      case 'manifest': {
        const computer = asString(p('computer'));
        if (!computer) {
          out.unknown++;
          break;
        }
        out.manifests.push({
          ref,
          computer,
          ...opt('collectedAt', asDate(p('collectedat')) ?? asString(p('collectedat'))),
          ...opt('frontendProxyEnabled', asBool(p('frontendproxyenabled'))),
        });
        break;
      }
      case 'iisSmtp':
        // An IIS 6 SMTP virtual server relays like a Send connector: its smart host is the target (C12).
        out.sendConnectors.push({
          ref,
          name: name || 'SMTPSVC',
          ...opt('smartHosts', asList(p('smarthost'))?.flatMap((h) => h.split(/[;,\s]+/)).filter(Boolean)),
          ...opt('fqdn', asString(p('fullyqualifieddomainname'))),
        });
        break;
      case 'chainStatus': {
        const status = asString(p('status'));
        if (status) statuses.push(status);
        chainRef ??= ref;
        break;
      }
      default:
        out.unknown++;
    }
  }
  if (chainRef) out.localChains.push({ ref: chainRef, ...(chainThumbprint ? { thumbprint: chainThumbprint } : {}), statuses });
  return out;
}
