import { describe, expect, it } from 'vitest';
import { translator } from '../../../../../shared/i18n/format';
import { LOCALES } from '../../../../../shared/i18n/locales';
import { consentDialogText } from '../../../../../electron/main/consent/consent-text';
import { displayValue } from '../../../../../electron/main/consent/display-value';

const en = translator('en');
const relay = { kind: 'relay', host: 'smtp.example.test', port: 587, heloName: 'relay.contoso.test', mailFrom: 'printer@contoso.test', rcptTo: 'someone@example.test' } as const;

describe('consentDialogText', () => {
  it('names the host and port and every SMTP value the relay test sends', () => {
    const text = consentDialogText(relay, en);
    expect(text.message).toBe('Send a test to smtp.example.test on port 587?');
    for (const sent of ['EHLO relay.contoso.test', 'MAIL FROM:<printer@contoso.test>', 'RCPT TO:<someone@example.test>', 'before DATA']) {
      expect(text.detail).toContain(sent);
    }
    expect([text.connect, text.cancel]).toEqual(['Connect now', 'Cancel']);
  });

  it('says whether the probe starts TLS at once or with STARTTLS', () => {
    const probe = { kind: 'probe', host: 'mail.contoso.test', port: 25, implicitTls: false, heloName: 'relay-doctor.invalid' } as const;
    expect(consentDialogText(probe, en).detail).toContain('STARTTLS');
    const implicit = consentDialogText({ ...probe, port: 465, implicitTls: true }, en).detail;
    expect(implicit).toContain('TLS from the start');
    expect(implicit).not.toContain('STARTTLS');
  });

  it('lists every AIA address and names their hosts in the headline', () => {
    const urls = ['http://pki.contoso.test/int.cer', 'http://crl.contoso.test/root.cer', 'http://pki.contoso.test/alt.cer'];
    const text = consentDialogText({ kind: 'aia', urls }, en);
    expect(text.message).toBe('Download issuer certificates from pki.contoso.test, crl.contoso.test?');
    for (const u of urls) expect(text.detail).toContain(u);
  });

  it('cuts a long AIA list after twenty addresses and says how many more', () => {
    const urls = Array.from({ length: 23 }, (_, i) => `http://pki${String(i)}.contoso.test/x.cer`);
    const detail = consentDialogText({ kind: 'aia', urls }, en).detail;
    expect(detail).toContain('pki19.contoso.test');
    expect(detail).not.toContain('pki20.contoso.test');
    expect(detail).toContain('… and 3 more addresses');
  });

  it('shows a hostile value as visible escapes: it cannot add lines or reverse the dialog’s text', () => {
    const text = consentDialogText({ ...relay, rcptTo: 'a@b.test\n\nNothing will be sent.\u202Etxt.exe' }, en);
    expect(text.detail).not.toContain('\n\nNothing will be sent.');
    expect(text.detail).not.toContain('\u202E');
    expect(text.detail).toContain('a@b.test\\u{A}\\u{A}Nothing will be sent.\\u{202E}txt.exe');
  });

  it('has its words in every shipped language', () => {
    for (const locale of LOCALES) {
      const text = consentDialogText(relay, translator(locale));
      expect(text.message, locale).toContain('smtp.example.test');
      expect(text.detail, locale).toContain('RCPT TO:<someone@example.test>');
      expect(text.title, locale).not.toMatch(/^consent\./);
    }
  });
});

describe('displayValue', () => {
  it('keeps ordinary text, escapes invisible and layout characters, and cuts overlong values', () => {
    expect(displayValue('mail.contoso.test')).toBe('mail.contoso.test');
    expect(displayValue('pošta.example.cz')).toBe('pošta.example.cz');
    expect(displayValue('a\u200Bb\u2028c\u0007d')).toBe('a\\u{200B}b\\u{2028}c\\u{7}d');
    const long = displayValue('x'.repeat(500));
    expect([...long]).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });
});
