import { describe, expect, it } from 'vitest';
import { iisSmtpLogReader } from '../../../../shared/smtp/iis/reader';
import { ndrReader } from '../../../../shared/smtp/ndr/reader';
import type { SmtpLogEvidence } from '../../../../shared/smtp/types';
import { fixture, READ_OPTIONS, textInput } from './helpers';

async function read(): Promise<SmtpLogEvidence> {
  const r = await iisSmtpLogReader.read(fixture('smtp/iis-smtpsvc-ex240514.log'), READ_OPTIONS);
  if (!r.ok) throw new Error(r.error.code);
  return r.value.evidence[0] as SmtpLogEvidence;
}

describe('IIS SMTP W3C log reader', () => {
  it('claims an SMTPSVC W3C log over the plain-text NDR reader', () => {
    const input = fixture('smtp/iis-smtpsvc-ex240514.log');
    expect(iisSmtpLogReader.sniff(input)).toBe(10);
    expect(ndrReader.sniff(input)).toBeLessThan(10);
  });

  it('rebuilds two outbound conversations, split at the new banner, with + turned into spaces', async () => {
    const log = await read();
    const outbound = log.sessions.filter((s) => s.role === 'client');
    expect(outbound).toHaveLength(2);
    const [first, second] = outbound;
    expect(first?.remoteEndpoint).toBe('198.51.100.25:25');
    expect(first?.remoteHost).toBe('AM6EUR05FT012.mail.protection.outlook.com');
    expect(first?.ehlo).toBe('relay01.contoso.com');
    expect(first?.observedClientIp).toBe('203.0.113.20');
    expect(first?.startTls).toBe(true);
    expect(first?.tlsOutcome).toBeUndefined();
    expect(first?.finalReply).toBe(
      '550 5.7.64 TenantAttribution; Relay Access Denied [AM6EUR05FT012.eop-eur05.prod.protection.outlook.com]',
    );
    expect(first?.lines.find((l) => l.text.startsWith('MAIL'))?.text).toBe('MAIL FROM:<scanner@contoso.com> SIZE=20511');
    expect(first?.lines.at(-1)?.ref).toBe('iis-smtpsvc-ex240514.log#L19');
    expect(second?.startTls).toBe(false);
    expect(second?.status).toBe('rejected');
  });

  it('drops the inbound session that went fine', async () => {
    const r = await iisSmtpLogReader.read(fixture('smtp/iis-smtpsvc-ex240514.log'), READ_OPTIONS);
    expect(r.ok && r.value.warnings).toEqual([{ code: 'smtp.warning.sessionsSkipped', params: { count: 1 } }]);
  });

  it('reads pasted lines without the #Fields header using the documented field order', async () => {
    const line =
      '2024-05-14 08:20:12 198.51.100.25 OutboundConnectionResponse SMTPSVC1 RELAY01 - 25 - - 550+5.7.64+TenantAttribution;+Relay+Access+Denied 0 0 101 0 218 SMTP - - - -';
    const input = textInput('paste.txt', line);
    expect(iisSmtpLogReader.sniff(input)).toBeGreaterThan(ndrReader.sniff(input));
    const r = await iisSmtpLogReader.read(input, READ_OPTIONS);
    const log = r.ok ? (r.value.evidence[0] as SmtpLogEvidence) : undefined;
    expect(log?.sessions[0]?.finalReply).toBe('550 5.7.64 TenantAttribution; Relay Access Denied');
  });
});

describe('IIS SMTP log in the Microsoft IIS format', () => {
  // SYNTHETIC fixture: the comma-separated "Microsoft IIS log file format", which has no header lines.
  it('rebuilds the outbound session, keeping commas inside the last column', async () => {
    const input = fixture('smtp/iis-msformat-in240514.log');
    expect(iisSmtpLogReader.sniff(input)).toBe(9);
    const r = await iisSmtpLogReader.read(input, READ_OPTIONS);
    const s = r.ok ? (r.value.evidence[0] as SmtpLogEvidence).sessions[0] : undefined;
    expect(s?.remoteHost).toBe('AM6EUR05FT012.mail.protection.outlook.com');
    expect(s?.lines[0]?.text).toBe('220 AM6EUR05FT012.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready at Tue, 14 May 2024 08:20:11 +0000');
    expect(s?.lines[3]?.text).toBe('MAIL FROM:<scanner@contoso.com> SIZE=20511');
    expect(s?.finalReply).toMatch(/^550 5\.7\.64 TenantAttribution/);
    expect(s?.startTls).toBe(false);
  });
});
