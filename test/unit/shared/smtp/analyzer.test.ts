import { describe, expect, it } from 'vitest';
import { smtpAnalyzer } from '../../../../shared/smtp/analyzer';
import { exchangeProtocolLogReader } from '../../../../shared/smtp/exchange/reader';
import { iisSmtpLogReader } from '../../../../shared/smtp/iis/reader';
import { ndrReader } from '../../../../shared/smtp/ndr/reader';
import type { Reader } from '../../../../shared/model/reader';
import type { Evidence } from '../../../../shared/model/evidence';
import type { Finding } from '../../../../shared/model/finding';
import { CONTEXT, fixture, READ_OPTIONS } from './helpers';

async function evidenceOf(reader: Reader, ...paths: string[]): Promise<Evidence[]> {
  const out: Evidence[] = [];
  for (const p of paths) {
    const r = await reader.read(fixture(p), READ_OPTIONS);
    if (!r.ok) throw new Error(`${p}: ${r.error.code}`);
    out.push(...r.value.evidence);
  }
  return out;
}

async function findings(evidence: Evidence[]): Promise<Finding[]> {
  return [...(await smtpAnalyzer.analyze(evidence, CONTEXT)).findings];
}

const ids = (f: readonly Finding[]) => f.map((x) => x.id).sort();

describe('SMTP analyzer', () => {
  it('reports 5.7.64 with the reply, the EOP host, the certificate sent and the lines that prove it', async () => {
    const f = await findings(await evidenceOf(exchangeProtocolLogReader, 'smtp/exchange-send-5.7.64-cert-sent.log'));
    expect(ids(f)).toEqual(['smtp.tenantAttribution']);
    const [finding] = f;
    expect(finding?.severity).toBe('critical');
    expect(finding?.params).toMatchObject({
      reply: '550 5.7.64 TenantAttribution; Relay Access Denied [AM6EUR05FT012.eop-eur05.prod.protection.outlook.com]',
      remoteHost: 'AM6EUR05FT012.mail.protection.outlook.com',
      connector: 'Outbound to Office 365',
      certificateSubject: 'CN=mail.contoso.com',
      certificateThumbprint: 'EC53EBC94A796C42E5B4E5851F961874F013D94C',
      count: 1,
    });
    expect(finding?.evidence[0]).toBe('exchange-send-5.7.64-cert-sent.log#L38');
    expect(finding?.evidence).toContain('exchange-send-5.7.64-cert-sent.log#L29');
  });

  it('reports NoCredentials from the TLS failure note', async () => {
    const f = await findings(await evidenceOf(exchangeProtocolLogReader, 'smtp/exchange-send-nocredentials.log'));
    expect(ids(f)).toEqual(['smtp.noCredentials']);
    expect(f[0]?.evidence[0]).toBe('exchange-send-nocredentials.log#L18');
  });

  it('reports SocketError as a likely legacy-TLS sender', async () => {
    const f = await findings(await evidenceOf(exchangeProtocolLogReader, 'smtp/exchange-send-socketerror.log'));
    expect(ids(f)).toEqual(['smtp.legacyTls']);
    expect(f[0]?.confidence).toBe('likely');
  });

  it('reports a session to EOP that sent mail without STARTTLS next to the 5.7.64 it got', async () => {
    const f = await findings(await evidenceOf(exchangeProtocolLogReader, 'smtp/exchange-send-no-starttls.log'));
    expect(ids(f)).toEqual(['smtp.noStartTls', 'smtp.tenantAttribution']);
    expect(f.find((x) => x.id === 'smtp.noStartTls')?.evidence).toEqual(['exchange-send-no-starttls.log#L12']);
  });

  it('joins a session split across two log files and reports ATTR36 with the certificate from the first file', async () => {
    const f = await findings(await evidenceOf(exchangeProtocolLogReader, 'smtp/SEND20240516-1.log', 'smtp/SEND20240516-2.log'));
    expect(ids(f)).toEqual(['smtp.attr36']);
    expect(f[0]?.params).toMatchObject({
      certificateSubject: 'CN=relay.hosts.contoso.com',
      certificateThumbprint: '5B1E0F3C2A4D6E8F0A1B2C3D4E5F60718293A4B5',
    });
    expect(f[0]?.evidence.some((r) => r.startsWith('SEND20240516-1.log#'))).toBe(true);
    expect(f[0]?.evidence.some((r) => r.startsWith('SEND20240516-2.log#'))).toBe(true);
  });

  it('tells the related EOP codes apart', async () => {
    const f = await findings(await evidenceOf(exchangeProtocolLogReader, 'smtp/exchange-send-family-codes.log'));
    expect(ids(f)).toEqual(['smtp.directSendRejected', 'smtp.outdatedServer', 'smtp.untrustedRoot', 'smtp.wrongRegion']);
  });

  it('counts repeated rejections as one finding', async () => {
    const f = await findings(await evidenceOf(iisSmtpLogReader, 'smtp/iis-smtpsvc-ex240514.log'));
    const attribution = f.filter((x) => x.id === 'smtp.tenantAttribution');
    expect(attribution).toHaveLength(1);
    expect(attribution[0]?.params.count).toBe(2);
    expect(attribution[0]?.params.certificate).toBe('none');
    expect(ids(f)).toContain('smtp.noStartTls');
  });

  it('reads the same findings out of NDRs, pointing at the message', async () => {
    const f = await findings(
      await evidenceOf(ndrReader, 'ndr/exchange-onprem-5.7.64.eml', 'ndr/pasted-attr36.txt', 'ndr/pasted-dsn-fields.txt'),
    );
    expect(ids(f)).toEqual(['smtp.attr36', 'smtp.tenantAttribution', 'smtp.untrustedRoot']);
    const attribution = f.find((x) => x.id === 'smtp.tenantAttribution');
    expect(attribution?.evidence).toEqual(['exchange-onprem-5.7.64.eml#message:0', 'pasted-dsn-fields.txt']);
    expect(attribution?.params.remoteHost).toBe('contoso-com.mail.protection.outlook.com');
  });

  it('counts an NDR once per message, though its readable part and its DSN part both quote the 5.7.64', async () => {
    const f = await findings(await evidenceOf(ndrReader, 'ndr/exchange-onprem-5.7.64.eml'));
    const attribution = f.find((x) => x.id === 'smtp.tenantAttribution');
    expect(attribution?.params.count).toBe(1);
  });
});
