import { describe, expect, it } from 'vitest';
import { iisSmtpLogReader } from '../../../../shared/smtp/iis/reader';
import { parseIisSmtpLog } from '../../../../shared/smtp/iis/parse';
import { ndrReader } from '../../../../shared/smtp/ndr/reader';
import { smtpAnalyzer } from '../../../../shared/smtp/analyzer';
import type { SmtpLogEvidence } from '../../../../shared/smtp/types';
import { CONTEXT, fixture, READ_OPTIONS, textInput } from './helpers';

// SYNTHETIC fixture in the NCSA Common format: no header, local time with its offset, `"VERB -?params SMTP"`.
const FIXTURE = 'smtp/iis-ncsa-nc240514.log';

async function read(path = FIXTURE) {
  const r = await iisSmtpLogReader.read(fixture(path), READ_OPTIONS);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('IIS SMTP log in the NCSA Common format', () => {
  it('is claimed by the IIS reader at the Microsoft IIS format score, not by the NDR reader', () => {
    const input = fixture(FIXTURE);
    expect(iisSmtpLogReader.sniff(input)).toBe(9);
    expect(ndrReader.sniff(input)).toBeLessThan(9);
  });

  it('rebuilds the outbound session to EOP with its 5.7.64 rejection', async () => {
    const log = (await read()).evidence[0] as SmtpLogEvidence;
    expect(log.sessions).toHaveLength(1);
    const [s] = log.sessions;
    expect(s?.role).toBe('client');
    expect(s?.remoteEndpoint).toBe('198.51.100.25');
    expect(s?.remoteHost).toBe('AM6EUR05FT012.mail.protection.outlook.com');
    expect(s?.ehlo).toBe('relay01.contoso.com');
    expect(s?.observedClientIp).toBe('203.0.113.20');
    expect(s?.startTls).toBe(true);
    expect(s?.status).toBe('rejected');
    expect(s?.finalReply).toBe('550 5.7.64 TenantAttribution; Relay Access Denied [AM6EUR05FT012.eop-eur05.prod.protection.outlook.com]');
    // The protocol version after the parameters is not part of the reply or the command.
    expect(s?.lines[0]?.text).toBe('220 AM6EUR05FT012.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready at Tue, 14 May 2024 08:20:11 +0000');
    expect(s?.lines.map((l) => l.text)).toContain('STARTTLS');
    expect(s?.lines.map((l) => l.text)).toContain('MAIL FROM:<scanner@contoso.com> SIZE=20511');
    // Local time keeps its offset instead of being passed off as UTC.
    expect(s?.lines[0]?.timestamp).toBe('2024-05-14T10:20:11+02:00');
    expect(s?.lines.at(-1)?.ref).toBe('iis-ncsa-nc240514.log#L17');
  });

  it('reads the internal session that went fine and drops it as irrelevant', async () => {
    const value = await read();
    expect(value.warnings).toEqual([{ code: 'smtp.warning.sessionsSkipped', params: { count: 1 } }]);
    expect(value.damaged).toBeUndefined();
  });

  it('keeps an inbound session with its reply codes when it was refused', () => {
    const text = [
      '10.0.0.61 - printer02.contoso.com [14/May/2024:10:30:00 +0200] "EHLO -?printer02.contoso.com SMTP" 250 240',
      '10.0.0.61 - printer02.contoso.com [14/May/2024:10:30:01 +0200] "RCPT -?+TO:<someone@fabrikam.example> SMTP" 550 38',
    ].join('\n');
    const parsed = parseIisSmtpLog('nc.log', new TextEncoder().encode(text));
    const s = parsed.sessions[0];
    expect(s?.role).toBe('server');
    expect(s?.status).toBe('rejected');
    expect(s?.ehlo).toBe('printer02.contoso.com');
    expect(s?.lines.map((l) => `${l.direction} ${l.text}`)).toEqual([
      'received EHLO printer02.contoso.com',
      'sent 250 ',
      'received RCPT TO:<someone@fabrikam.example>',
      'sent 550 ',
    ]);
  });

  it('reads the documented sample: two-word verb, HTTP/1.0 version, a spaced offset', () => {
    const line = '10.3.5.1 - Nwtraders.com [18/Aug/2006:13:17:37 - 0800] "MAIL FROM -? FROM: maria HTTP/1.0" 550 0';
    expect(iisSmtpLogReader.sniff(textInput('nc060818.log', line))).toBe(9);
    const s = parseIisSmtpLog('nc060818.log', new TextEncoder().encode(line)).sessions[0];
    expect(s?.lines[0]?.text).toBe('MAIL FROM FROM: maria');
    expect(s?.lines[0]?.timestamp).toBe('2006-08-18T13:17:37-08:00');
    expect(s?.lines[1]?.text).toBe('550 ');
    expect(s?.status).toBe('rejected');
  });

  it('counts a cut-off line and one without its closing quote as damaged and still reads the rest', async () => {
    const text = new TextDecoder()
      .decode(fixture(FIXTURE).bytes)
      .replace('"RCPT -?TO:<someone@fabrikam.example> SMTP" 0 4', '"RCPT -?TO:<someone@fab')
      .replace('"MAIL -?FROM:<scanner@contoso.com> SIZE=20511 SMTP" 0 4', '"MAIL -?FROM:<scanner@contoso.com> SIZE=20511 SMTP 0 4');
    const r = await iisSmtpLogReader.read(textInput('nc240514.log', text), READ_OPTIONS);
    expect(r.ok && r.value.damaged).toBe(2);
    expect(r.ok && r.value.warnings).toContainEqual({ code: 'smtp.warning.damagedLines', params: { count: 2 } });
    const s = r.ok ? (r.value.evidence[0] as SmtpLogEvidence).sessions[0] : undefined;
    expect(s?.finalReply).toMatch(/^550 5\.7\.64 /);
  });

  it('does not claim an HTTP log in the NCSA format', () => {
    const web = '203.0.113.9 - - [14/May/2024:10:20:11 +0200] "GET /owa/ HTTP/1.1" 200 5120';
    expect(iisSmtpLogReader.sniff(textInput('nc240514.log', web))).toBe(0);
  });

  it('lets the analyzer report 5.7.64 from the NCSA log, pointing at the reply line', async () => {
    const { findings } = await smtpAnalyzer.analyze((await read()).evidence, CONTEXT);
    const attribution = findings.find((f) => f.id === 'smtp.tenantAttribution');
    expect(attribution?.severity).toBe('critical');
    expect(attribution?.params).toMatchObject({
      reply: '550 5.7.64 TenantAttribution; Relay Access Denied [AM6EUR05FT012.eop-eur05.prod.protection.outlook.com]',
      remoteHost: 'AM6EUR05FT012.mail.protection.outlook.com',
      count: 1,
    });
    expect(attribution?.evidence[0]).toBe('iis-ncsa-nc240514.log#L16');
    expect(findings.map((f) => f.id)).not.toContain('smtp.noStartTls');
  });
});
