import { describe, expect, it } from 'vitest';
import { exchangeProtocolLogReader } from '../../../../shared/smtp/exchange/reader';
import { parseExchangeLog } from '../../../../shared/smtp/exchange/parse';
import { splitCsvLine } from '../../../../shared/smtp/csv';
import type { SmtpLogEvidence } from '../../../../shared/smtp/types';
import { fixture, READ_OPTIONS, textInput } from './helpers';

async function read(path: string): Promise<SmtpLogEvidence> {
  const r = await exchangeProtocolLogReader.read(fixture(path), READ_OPTIONS);
  if (!r.ok) throw new Error(r.error.code);
  return r.value.evidence[0] as SmtpLogEvidence;
}

describe('Exchange protocol log reader', () => {
  it('keeps quoted fields that contain commas and doubled quotes whole', () => {
    expect(splitCsvLine('a,"CN=x, O=y",c')).toEqual(['a', 'CN=x, O=y', 'c']);
    expect(splitCsvLine('a,"say ""hi""",')).toEqual(['a', 'say "hi"', '']);
    expect(splitCsvLine('a,"unterminated, rest')).toEqual(['a', 'unterminated, rest']);
  });

  it('recognises a send log by its #Log-Type header and a headerless fragment by its line shape', () => {
    expect(exchangeProtocolLogReader.sniff(fixture('smtp/exchange-send-nocredentials.log'))).toBe(10);
    const fragment = textInput(
      'paste.txt',
      '2024-05-14T09:00:02.004Z,Outbound to Office 365,08DC73F1A2B3C4E0,13,10.0.0.25:51240,198.51.100.25:25,*,,TLS negotiation failed with error NoCredentials\n',
    );
    expect(exchangeProtocolLogReader.sniff(fragment)).toBeGreaterThan(1);
    expect(exchangeProtocolLogReader.sniff(textInput('notes.txt', 'hello world'))).toBe(0);
  });

  it('rebuilds the rejected session with endpoints, EHLO, STARTTLS, the certificate sent and the final reply', async () => {
    const log = await read('smtp/exchange-send-5.7.64-cert-sent.log');
    expect(log.format).toBe('exchangeSend');
    const s = log.sessions.find((x) => x.sessionId === '08DC73F1A2B3C4D5');
    expect(s).toBeDefined();
    expect(s?.role).toBe('client');
    expect(s?.connector).toBe('Outbound to Office 365');
    expect(s?.localEndpoint).toBe('10.0.0.25:51234');
    expect(s?.remoteEndpoint).toBe('198.51.100.25:25');
    expect(s?.remoteHost).toBe('AM6EUR05FT012.mail.protection.outlook.com');
    expect(s?.observedClientIp).toBe('203.0.113.10');
    expect(s?.ehlo).toBe('mail.contoso.com');
    expect(s?.startTls).toBe(true);
    expect(s?.tlsOutcome).toBe('ok');
    expect(s?.certificateSent).toMatchObject({
      subject: 'CN=mail.contoso.com',
      issuer: 'CN=Example TLS RSA CA G2, O=Example Trust Inc, C=US',
      serial: '0A1B2C3D4E5F60718293A4B5C6D7E8F9',
      thumbprint: 'EC53EBC94A796C42E5B4E5851F961874F013D94C',
      dnsNames: ['mail.contoso.com', 'autodiscover.contoso.com'],
    });
    expect(s?.certificateSent?.refs).toContain('exchange-send-5.7.64-cert-sent.log#L33');
    expect(s?.finalReply).toMatch(/^550 5\.7\.64 TenantAttribution/);
    expect(s?.status).toBe('rejected');
    expect(s?.complete).toBe(true);
    expect(s?.lines.find((l) => l.text.startsWith('550'))?.ref).toBe('exchange-send-5.7.64-cert-sent.log#L38');
  });

  it('drops a complete internal session that went fine and says so', async () => {
    const r = await exchangeProtocolLogReader.read(fixture('smtp/exchange-send-5.7.64-cert-sent.log'), READ_OPTIONS);
    expect(r.ok && r.value.items).toBe(1);
    expect(r.ok && r.value.warnings).toEqual([{ code: 'smtp.warning.sessionsSkipped', params: { count: 1 } }]);
  });

  it('reports the TLS failure and its error name', async () => {
    const log = await read('smtp/exchange-send-nocredentials.log');
    const s = log.sessions[0];
    expect(s?.tlsOutcome).toBe('failed');
    expect(s?.tlsError).toBe('NoCredentials');
    expect(s?.status).toBe('tlsFailed');
    expect(s?.certificateSent?.thumbprint).toBe('7D2F0C4B9E1A3F5D6C8B0A2E4F6D8C1B3A5E7F90');
  });

  it('orders lines by sequence number even when the file interleaves them', () => {
    const text = [
      '#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context',
      '2024-01-01T00:00:02Z,C,0000000000000001,2,1.1.1.1:1,2.2.2.2:25,>,EHLO a.example,',
      '2024-01-01T00:00:01Z,C,0000000000000001,1,1.1.1.1:1,2.2.2.2:25,<,220 mx.example ready,',
      '2024-01-01T00:00:03Z,C,0000000000000001,3,1.1.1.1:1,2.2.2.2:25,<,421 4.3.2 busy,',
    ].join('\n');
    const parsed = parseExchangeLog('SEND20240101-1.log', new TextEncoder().encode(text));
    expect(parsed.sessions[0]?.lines.map((l) => l.line)).toEqual([3, 2, 4]);
    expect(parsed.sessions[0]?.status).toBe('deferred');
  });

  it('counts unparsable lines as damaged instead of failing', () => {
    const text = '#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\ngarbage\n';
    const parsed = parseExchangeLog('x.log', new TextEncoder().encode(text));
    expect(parsed.damaged).toBe(1);
  });

  it('reads a UTF-16LE file with a BOM as Windows PowerShell would have written it', () => {
    const text = '#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n2024-01-01T00:00:03Z,C,0000000000000001,3,1.1.1.1:1,2.2.2.2:25,<,550 5.7.64 TenantAttribution; Relay Access Denied,\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    const parsed = parseExchangeLog('SEND.log', bytes);
    expect(parsed.sessions[0]?.finalReply).toContain('5.7.64');
  });
});

describe('Exchange protocol log prefilter', () => {
  const header =
    '#Log-Type: SMTP Send Protocol Log\n#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\n';
  const internal = (id: string) =>
    [
      `2024-01-01T00:00:00Z,Intra-Organization SMTP Send Connector,${id},0,10.0.0.1:1,10.0.0.2:25,+,,`,
      `2024-01-01T00:00:00Z,Intra-Organization SMTP Send Connector,${id},1,10.0.0.1:1,10.0.0.2:25,<,220 EX02.contoso.com ready,`,
      `2024-01-01T00:00:00Z,Intra-Organization SMTP Send Connector,${id},2,10.0.0.1:1,10.0.0.2:25,>,EHLO EX01.contoso.com,`,
      `2024-01-01T00:00:00Z,Intra-Organization SMTP Send Connector,${id},3,10.0.0.1:1,10.0.0.2:25,-,,Local`,
    ].join('\n');

  it('skips thousands of ordinary sessions but keeps a rejected one in the middle, whose connector name is quoted', () => {
    const blocks: string[] = [];
    for (let i = 0; i < 6000; i++) blocks.push(internal(`00000000${String(i).padStart(8, '0')}`));
    const middle = 'A1B2C3D4E5F60718';
    blocks.splice(3000, 0, [
      `2024-01-01T00:00:01Z,"Outbound, EOP",${middle},0,10.0.0.1:2,52.101.68.3:25,+,,`,
      `2024-01-01T00:00:01Z,"Outbound, EOP",${middle},1,10.0.0.1:2,52.101.68.3:25,>,EHLO mail.contoso.com,`,
      `2024-01-01T00:00:01Z,"Outbound, EOP",${middle},2,10.0.0.1:2,52.101.68.3:25,<,550 5.7.64 TenantAttribution; Relay Access Denied,`,
      `2024-01-01T00:00:01Z,"Outbound, EOP",${middle},3,10.0.0.1:2,52.101.68.3:25,-,,Local`,
    ].join('\n'));
    const parsed = parseExchangeLog('SEND.log', new TextEncoder().encode(header + blocks.join('\n') + '\n'));
    expect(parsed.sessions.map((s) => s.sessionId)).toEqual([middle]);
    expect(parsed.sessions[0]?.connector).toBe('Outbound, EOP');
    expect(parsed.sessions[0]?.lines.map((l) => l.line)).toEqual([12003, 12004, 12005, 12006]);
    expect(parsed.skipped).toBe(6000);
    expect(parsed.damaged).toBe(0);
  });
});

describe('Exchange receive log', () => {
  it('reads the server side: EHLO from the client, the certificate received, TLS success, delivery', async () => {
    const r = await exchangeProtocolLogReader.read(fixture('smtp/RECV20240514-1.log'), READ_OPTIONS);
    const log = r.ok ? (r.value.evidence[0] as SmtpLogEvidence) : undefined;
    expect(log?.format).toBe('exchangeReceive');
    const s = log?.sessions[0];
    expect(s?.role).toBe('server');
    expect(s?.ehlo).toBe('EUR05-VI1-obe.outbound.protection.outlook.com');
    expect(s?.remoteHost).toBe('EUR05-VI1-obe.outbound.protection.outlook.com');
    expect(s?.startTls).toBe(true);
    expect(s?.tlsOutcome).toBe('ok');
    expect(s?.certificateSent).toBeUndefined();
    expect(s?.certificateReceived?.subject).toBe('CN=mail.protection.outlook.com, O=Microsoft Corporation, L=Redmond, S=Washington, C=US');
    expect(s?.status).toBe('delivered');
    expect(s?.lines.find((l) => l.text.startsWith('MAIL'))?.kind).toBe('command');
  });
});

describe('Exchange protocol log, compact mode for large files', () => {
  it('keeps the proving lines and the derived facts, and drops the rest', async () => {
    const { bytes } = fixture('smtp/exchange-send-5.7.64-cert-sent.log');
    const full = parseExchangeLog('x.log', bytes);
    const compact = parseExchangeLog('x.log', bytes, { compact: true });
    expect(compact.compacted).toBe(1);
    const [a, b] = [full.sessions[0], compact.sessions[0]];
    expect(b?.lines.map((l) => l.text)).toEqual([
      '220 AM6EUR05FT012.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready at Tue, 14 May 2024 08:12:01 +0000',
      'EHLO mail.contoso.com',
      '250-AM6EUR05FT012.mail.protection.outlook.com Hello [203.0.113.10]',
      'STARTTLS',
      'MAIL FROM:<alerts@contoso.com> SIZE=4211',
      '550 5.7.64 TenantAttribution; Relay Access Denied [AM6EUR05FT012.eop-eur05.prod.protection.outlook.com]',
    ]);
    expect(b?.lines[0]?.timestamp).toBe('2024-05-14T08:12:01.260Z');
    expect(b?.lines[1]?.timestamp).toBeUndefined();
    const { lines: _a, ...factsFull } = a ?? { lines: [] };
    const { lines: _b, ...factsCompact } = b ?? { lines: [] };
    expect(factsCompact).toEqual(factsFull);
  });
});

describe('Exchange protocol log from a streaming text source', () => {
  it('gives the same sessions and line numbers however the file is cut into pieces', async () => {
    const { default: fc } = await import('fast-check');
    const { parseExchangeLogText } = await import('../../../../shared/smtp/exchange/parse');
    const text = new TextDecoder().decode(fixture('smtp/exchange-send-5.7.64-cert-sent.log').bytes);
    const lines = text.split('\n');
    const whole = parseExchangeLog('x.log', new TextEncoder().encode(text));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: lines.length - 1 }), { maxLength: 10 }), (cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), lines.length];
        const pieces = at.slice(1).map((end, i) => lines.slice(at[i], end).join('\n') + (end < lines.length ? '\n' : ''));
        const streamed = parseExchangeLogText('x.log', (visit) => pieces.forEach((p, i) => visit(p, i === pieces.length - 1)));
        expect(streamed).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });
});
