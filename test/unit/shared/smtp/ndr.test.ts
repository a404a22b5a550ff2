import { describe, expect, it } from 'vitest';
import { ndrReader } from '../../../../shared/smtp/ndr/reader';
import { exchangeProtocolLogReader } from '../../../../shared/smtp/exchange/reader';
import type { NdrEvidence } from '../../../../shared/smtp/types';
import { fixture, READ_OPTIONS, textInput } from './helpers';

async function read(input: ReturnType<typeof fixture>): Promise<NdrEvidence> {
  const r = await ndrReader.read(input, READ_OPTIONS);
  if (!r.ok) throw new Error(r.error.code);
  return r.value.evidence[0] as NdrEvidence;
}

describe('NDR reader', () => {
  it('reads the delivery-status part and the readable report of an Exchange .eml NDR', async () => {
    const ndr = await read(fixture('ndr/exchange-onprem-5.7.64.eml'));
    expect(ndr.format).toBe('eml');
    const m = ndr.messages[0];
    expect(m?.subject).toBe('Undeliverable: Nightly report');
    expect(m?.reportingMta).toBe('EX01.contoso.com');
    expect(m?.generatingServer).toBe('EX01.contoso.com');
    expect(m?.statusCodes).toEqual(['5.7.64']);
    expect(m?.recipients).toEqual([
      {
        recipient: 'someone@fabrikam.example',
        action: 'failed',
        status: '5.7.64',
        remoteMta: 'dns;contoso-com.mail.protection.outlook.com',
        diagnosticCode: 'smtp;550 5.7.64 TenantAttribution; Relay Access Denied [AM6EUR05FT012.eop-eur05.prod.protection.outlook.com]',
      },
    ]);
    // The quoted-printable soft break inside "Remote Server returned" is decoded away.
    expect(m?.replies).toContain('550 5.7.64 TenantAttribution; Relay Access Denied [AM6EUR05FT012.eop-eur05.prod.protection.outlook.com]');
  });

  it('reads an Outlook .msg NDR by its compound-file signature', async () => {
    const input = fixture('ndr/exchange-5.7.64.msg');
    expect(ndrReader.sniff(input)).toBe(8);
    const ndr = await read(input);
    expect(ndr.format).toBe('msg');
    expect(ndr.messages[0]?.generatingServer).toBe('EX01.contoso.com');
    expect(ndr.messages[0]?.statusCodes).toEqual(['5.7.64']);
  });

  it('reads pasted NDR text with the "Remote Server returned" line', async () => {
    const ndr = await read(fixture('ndr/pasted-attr36.txt'));
    expect(ndr.format).toBe('text');
    expect(ndr.messages[0]?.replies[0]).toMatch(/^550 5\.7\.64 Relay Access Denied ATTR36\./);
    expect(ndr.messages[0]?.generatingServer).toBe('EX02.contoso.com');
  });

  it('keeps one entry per recipient block of pasted DSN fields', async () => {
    const ndr = await read(fixture('ndr/pasted-dsn-fields.txt'));
    const m = ndr.messages[0];
    expect(m?.recipients.map((r) => [r.recipient, r.status])).toEqual([
      ['first@fabrikam.example', '5.7.64'],
      ['second@fabrikam.example', '4.4.317'],
    ]);
    expect(m?.statusCodes).toEqual(['5.7.64', '4.4.317']);
  });

  it('ignores an mbox "Status: RO" flag', async () => {
    const ndr = await read(textInput('x.eml', 'From: a@b.example\nSubject: hi\nStatus: RO\n\nbody\n'));
    expect(ndr.messages[0]?.statusCodes).toEqual([]);
  });

  it('does not claim a protocol log or ordinary text', () => {
    const log = fixture('smtp/exchange-send-5.7.64-cert-sent.log');
    expect(ndrReader.sniff(log)).toBeLessThan(exchangeProtocolLogReader.sniff(log));
    expect(ndrReader.sniff(textInput('notes.txt', 'Name : Outbound to Office 365\nEnabled : True\n'))).toBe(0);
    expect(ndrReader.sniff(textInput('reply.txt', '550 5.7.64 TenantAttribution; Relay Access Denied'))).toBe(1);
  });

  it('turns a broken compound file into input.damaged rather than throwing', async () => {
    const bytes = new Uint8Array(600);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const r = await ndrReader.read({ name: 'broken.msg', bytes }, READ_OPTIONS);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('input.damaged');
  });

  it('refuses text without any status code or reply as unrecognized', async () => {
    const r = await ndrReader.read(textInput('x.txt', 'Generating server: EX01.contoso.com\n'), READ_OPTIONS);
    expect(!r.ok && r.error.code).toBe('input.unrecognized');
  });
});
