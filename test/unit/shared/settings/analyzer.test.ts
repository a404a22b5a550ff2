import { describe, expect, it } from 'vitest';
import { settingsAnalyzer } from '../../../../shared/settings/analyzer';
import { settingsReader } from '../../../../shared/settings/reader';
import { exchangeProtocolLogReader } from '../../../../shared/smtp/exchange/reader';
import type { Evidence } from '../../../../shared/model/evidence';
import type { Finding } from '../../../../shared/model/finding';
import { CONTEXT, fixture, READ_OPTIONS } from '../smtp/helpers';

async function evidence(...paths: string[]): Promise<Evidence[]> {
  const out: Evidence[] = [];
  for (const p of paths) {
    const reader = p.startsWith('settings/') ? settingsReader : exchangeProtocolLogReader;
    const r = await reader.read(fixture(p), READ_OPTIONS);
    if (!r.ok) throw new Error(`${p}: ${r.error.code}`);
    out.push(...r.value.evidence);
  }
  return out;
}

async function findings(...paths: string[]): Promise<Finding[]> {
  return [...(await settingsAnalyzer.analyze(await evidence(...paths), CONTEXT)).findings];
}

const byId = (f: readonly Finding[], id: string) => f.filter((x) => x.id === id);

describe('settings analyzer', () => {
  it('reports the connector name that the certificate in the send log does not carry', async () => {
    const f = await findings('settings/get-inboundconnector-fl.txt', 'smtp/SEND20240516-1.log', 'smtp/SEND20240516-2.log');
    const [mismatch] = byId(f, 'connector.nameMismatch');
    expect(mismatch?.params).toMatchObject({
      connector: 'Inbound from 8f3b2a1c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      expectedName: 'mail.contoso.com',
      certificate: 'CN=relay.hosts.contoso.com',
      certificateNames: ['relay.hosts.contoso.com'],
    });
    expect(mismatch?.evidence[0]).toBe('get-inboundconnector-fl.txt#L4');
    expect(mismatch?.evidence.some((r) => r.startsWith('SEND20240516-1.log#L'))).toBe(true);
  });

  it('stays quiet when the certificate sent matches the connector name', async () => {
    const f = await findings('settings/get-inboundconnector-fl.txt', 'smtp/exchange-send-5.7.64-cert-sent.log', 'settings/get-accepteddomain-ft.txt');
    expect(f.map((x) => x.id)).toEqual([]);
  });

  it('reports a certificate domain that is not an accepted domain (ATTR36 cross-check) and suggests one', async () => {
    const f = await findings('settings/get-accepteddomain-ft.txt', 'smtp/SEND20240516-1.log', 'smtp/SEND20240516-2.log');
    const [attr36] = byId(f, 'acceptedDomain.certificateDomainNotAccepted');
    expect(attr36?.params).toMatchObject({ certificateNames: ['relay.hosts.contoso.com'], suggestedDomain: 'hosts.contoso.com' });
  });

  it('reports the public address EOP saw when no IP connector lists it', async () => {
    const f = await findings('settings/get-inboundconnector-fl.txt', 'smtp/exchange-send-no-starttls.log');
    const [ip] = byId(f, 'connector.ipNotListed');
    expect(ip?.params).toMatchObject({ ip: '198.51.100.77', connectors: ['Prague IP relay'], addresses: ['203.0.113.0/28', '192.0.2.44'] });
    // A certificate connector exists too, so the IP list may not be the one meant to match.
    expect(ip?.confidence).toBe('possible');
    expect(ip?.evidence).toContain('exchange-send-no-starttls.log#L11');
  });

  it('does not report an address inside a listed range', async () => {
    const f = await findings('settings/get-inboundconnector-fl.txt', 'smtp/exchange-send-nocredentials.log');
    expect(byId(f, 'connector.ipNotListed')).toEqual([]);
  });

  it('reports an embedded wildcard, a disabled connector and a Partner connector used for relay', async () => {
    const f = await findings('settings/get-inboundconnector.json');
    expect(f.map((x) => x.id).sort()).toEqual(['connector.disabled', 'connector.invalidName', 'connector.notOnPremises']);
    expect(byId(f, 'connector.invalidName')[0]?.params).toEqual({ connector: 'Relay from EX01', name: 'mail.*.contoso.com' });
  });

  it('reports a Send connector that still names the expired certificate', async () => {
    const f = await findings('settings/get-sendconnector-fl.txt', 'settings/get-exchangecertificate-fl.txt');
    const [stale] = byId(f, 'sendConnector.staleCertificateName');
    expect(stale?.params).toMatchObject({ connector: 'Outbound to Office 365', reason: 'expired', certificate: '3F1A6B2C9D8E7F60514233A4B5C6D7E8F9012345' });
    expect(stale?.confidence).toBe('certain');
  });

  it('reports a Send connector whose certificate name matches nothing in the inventory', async () => {
    const f = await findings('settings/get-sendconnector-fl.txt', 'settings/get-exchangecertificate.clixml.xml');
    expect(byId(f, 'sendConnector.staleCertificateName')[0]?.params).toMatchObject({ reason: 'noMatch', certificate: 'none' });
  });

  it('rates a missing private key critical when the certificate is the one the connector name needs', async () => {
    const alone = await findings('settings/get-exchangecertificate-fl.txt');
    expect(byId(alone, 'exchangeCertificate.noPrivateKey')[0]?.severity).toBe('medium');
    const withConnector = await findings('settings/get-exchangecertificate-fl.txt', 'settings/get-inboundconnector-fl.txt');
    const [noKey] = byId(withConnector, 'exchangeCertificate.noPrivateKey');
    expect(noKey?.severity).toBe('critical');
    expect(noKey?.params.thumbprint).toBe('EC53EBC94A796C42E5B4E5851F961874F013D94C');
  });

  it('reports that the only valid certificate for the connector name is not enabled for SMTP', async () => {
    const f = await findings('settings/get-exchangecertificate-fl.txt', 'settings/get-inboundconnector-fl.txt');
    const [notSmtp] = byId(f, 'exchangeCertificate.notEnabledForSmtp');
    expect(notSmtp?.params).toMatchObject({ thumbprint: 'EC53EBC94A796C42E5B4E5851F961874F013D94C', services: ['IIS'] });
    expect(notSmtp?.confidence).toBe('possible');
  });
});

describe('settings analyzer with certificate files', () => {
  async function withLeaf(settingsText: string): Promise<Finding[]> {
    const { pickReader } = await import('../../../../shared/engine/read-inputs');
    const leaf = fixture('certs/leaf-only.pem');
    const certReader = pickReader(leaf);
    const certs = await certReader?.read(leaf, READ_OPTIONS);
    const settings = await settingsReader.read({ name: 'connector.txt', bytes: new TextEncoder().encode(settingsText) }, READ_OPTIONS);
    if (!certs?.ok || !settings.ok) throw new Error('fixtures did not read');
    return [...(await settingsAnalyzer.analyze([...certs.value.evidence, ...settings.value.evidence], CONTEXT)).findings];
  }

  it('compares the connector name with the CN and SANs of a leaf certificate file', async () => {
    const wrong = await withLeaf('Name                     : Relay\nConnectorType            : OnPremises\nTlsSenderCertificateName : relay.fabrikam.example\n');
    const [mismatch] = byId(wrong, 'connector.nameMismatch');
    expect(mismatch?.params.certificateNames).toEqual(expect.arrayContaining(['relay.contoso.com', 'mail.contoso.com']));
    expect(mismatch?.evidence.some((r) => r.startsWith('cert:'))).toBe(true);
    const right = await withLeaf('Name                     : Relay\nConnectorType            : OnPremises\nTlsSenderCertificateName : *.contoso.com\n');
    expect(byId(right, 'connector.nameMismatch')).toEqual([]);
  });
});

describe('settings analyzer, exported objects', () => {
  it('accepts a Send connector whose certificate name matches a current certificate, whatever the RDN spacing', async () => {
    const f = await findings('settings/get-connectors.clixml.xml', 'settings/get-exchangecertificate.clixml.xml');
    expect(byId(f, 'sendConnector.staleCertificateName')).toEqual([]);
    expect(byId(f, 'exchangeCertificate.notEnabledForSmtp')).toEqual([]);
  });
});
