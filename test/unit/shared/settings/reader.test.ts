import { describe, expect, it } from 'vitest';
import { settingsReader } from '../../../../shared/settings/reader';
import { ndrReader } from '../../../../shared/smtp/ndr/reader';
import { exchangeProtocolLogReader } from '../../../../shared/smtp/exchange/reader';
import type { SettingsEvidence } from '../../../../shared/settings/types';
import { fixture, READ_OPTIONS, textInput } from '../smtp/helpers';

async function read(path: string): Promise<SettingsEvidence> {
  const r = await settingsReader.read(fixture(path), READ_OPTIONS);
  if (!r.ok) throw new Error(r.error.code);
  return r.value.evidence[0] as SettingsEvidence;
}

describe('settings reader', () => {
  it('reads Get-InboundConnector Format-List output, lists and booleans included', async () => {
    const s = await read('settings/get-inboundconnector-fl.txt');
    expect(s.format).toBe('list');
    expect(s.inboundConnectors).toHaveLength(2);
    const [hcw, ip] = s.inboundConnectors;
    expect(hcw).toMatchObject({
      name: 'Inbound from 8f3b2a1c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      enabled: true,
      connectorType: 'OnPremises',
      senderIpAddresses: [],
      tlsSenderCertificateName: 'mail.contoso.com',
      requireTls: true,
      ref: 'get-inboundconnector-fl.txt#L4',
    });
    expect(ip?.senderIpAddresses).toEqual(['203.0.113.0/28', '192.0.2.44']);
    expect(ip?.tlsSenderCertificateName).toBeUndefined();
  });

  it('joins a Format-List value that PowerShell wrapped onto the next line', async () => {
    const s = await read('settings/get-sendconnector-fl.txt');
    expect(s.sendConnectors).toEqual([
      expect.objectContaining({
        name: 'Outbound to Office 365',
        smartHosts: ['contoso-com.mail.protection.outlook.com'],
        tlsCertificateName: '<I>CN=Example TLS RSA CA G1, O=Example Trust Inc, C=US<S>CN=mail.contoso.com, O=Contoso s.r.o., L=Praha, C=CZ',
        requireTls: true,
        tlsAuthLevel: 'CertificateValidation',
        fqdn: 'mail.contoso.com',
      }),
    ]);
  });

  it('reads Get-ExchangeCertificate with services, private key and dates', async () => {
    const s = await read('settings/get-exchangecertificate-fl.txt');
    expect(s.exchangeCertificates.map((c) => [c.thumbprint.slice(0, 6), c.services, c.hasPrivateKey])).toEqual([
      ['3F1A6B', ['IMAP', 'POP', 'IIS', 'SMTP'], true],
      ['EC53EB', ['IIS'], false],
      ['0B5C8D', ['IMAP', 'POP', 'SMTP'], true],
    ]);
    expect(s.exchangeCertificates[1]?.certificateDomains).toEqual(['mail.contoso.com', 'autodiscover.contoso.com']);
    expect(s.exchangeCertificates[0]?.notAfter?.slice(0, 10)).toMatch(/^2024-0[45]-/);
  });

  it('reads the Get-AcceptedDomain table by its dashed column ruler', async () => {
    const s = await read('settings/get-accepteddomain-ft.txt');
    expect(s.format).toBe('table');
    expect(s.acceptedDomains.map((d) => [d.domainName, d.domainType])).toEqual([
      ['contoso.com', 'Authoritative'],
      ['contoso.onmicrosoft.com', 'Authoritative'],
      ['contoso.mail.onmicrosoft.com', 'InternalRelay'],
    ]);
  });

  it('reads ConvertTo-Json output', async () => {
    const s = await read('settings/get-inboundconnector.json');
    expect(s.format).toBe('json');
    expect(s.inboundConnectors[0]).toMatchObject({
      name: 'Relay from EX01',
      enabled: false,
      connectorType: 'Partner',
      tlsSenderCertificateName: 'mail.*.contoso.com',
      ref: 'get-inboundconnector.json#record:0',
    });
  });

  it('reads Export-Clixml output, resolving type names given by reference', async () => {
    const s = await read('settings/get-exchangecertificate.clixml.xml');
    expect(s.format).toBe('clixml');
    expect(s.exchangeCertificates.map((c) => [c.subject, c.services, c.certificateDomains])).toEqual([
      ['CN=mail.contoso.com', ['IIS', 'SMTP'], ['mail.contoso.com', 'autodiscover.contoso.com']],
      ['CN=relay.hosts.contoso.com', ['SMTP'], ['relay.hosts.contoso.com']],
    ]);
    expect(s.exchangeCertificates[0]?.notAfter).toBe('2025-05-14T23:59:59.000Z');
  });

  it('refuses CLIXML with a DTD or entities instead of expanding them', async () => {
    const r = await settingsReader.read(fixture('settings/unsafe-entity.clixml.xml'), READ_OPTIONS);
    expect(!r.ok && r.error.code).toBe('input.unsafeXml');
  });

  it('warns when $FormatEnumerationLimit cut a list short', async () => {
    const r = await settingsReader.read(
      textInput('x.txt', 'Name              : IP relay\nConnectorType     : OnPremises\nSenderIPAddresses : {192.0.2.1, 192.0.2.2, 192.0.2.3, 192.0.2.4...}\n'),
      READ_OPTIONS,
    );
    expect(r.ok && r.value.warnings).toEqual([{ code: 'settings.warning.truncatedLists', params: { count: 1 } }]);
  });

  it('leaves logs and NDRs to their readers', () => {
    for (const path of ['smtp/exchange-send-5.7.64-cert-sent.log', 'ndr/exchange-onprem-5.7.64.eml', 'ndr/pasted-dsn-fields.txt']) {
      expect(settingsReader.sniff(fixture(path)), path).toBe(0);
    }
    const fl = fixture('settings/get-inboundconnector-fl.txt');
    expect(settingsReader.sniff(fl)).toBeGreaterThan(Math.max(ndrReader.sniff(fl), exchangeProtocolLogReader.sniff(fl)));
  });
});

describe('settings reader, CLIXML objects', () => {
  it('reads enums, IP ranges and the SmtpX509Identifier of deserialized Exchange objects', async () => {
    const s = await read('settings/get-connectors.clixml.xml');
    expect(s.inboundConnectors).toEqual([
      expect.objectContaining({ name: 'Prague IP relay', enabled: true, connectorType: 'OnPremises', senderIpAddresses: ['203.0.113.0/28'] }),
    ]);
    expect(s.inboundConnectors[0]?.tlsSenderCertificateName).toBeUndefined();
    expect(s.sendConnectors).toEqual([
      expect.objectContaining({
        name: 'Outbound to Office 365',
        smartHosts: ['contoso-com.mail.protection.outlook.com'],
        tlsCertificateName: '<I>CN=Example TLS RSA CA G2, O=Example Trust Inc, C=US<S>CN=mail.contoso.com',
        requireTls: true,
      }),
    ]);
  });
});
