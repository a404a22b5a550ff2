import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/index';
import { terminalSafe, terminalSafeText, terminalSafeValues } from '../../shared/report/terminal-safe';
import { captureIo } from '../helpers/cli-io';

// Issue 19 item 3: escape sequences in a certificate name reached the terminal (clear screen, a fake
// "All checks passed"). Every character that a terminal acts on is written as its \uXXXX escape.

/** Characters a terminal acts on, and what an attacker puts in a name to use them. */
const ESC_CLEAR = '\u001b[2J\u001b[H';
const FAKE_LINE = '\n✔ All checks passed\u001b[32m\n';
const HOSTILE = `mail.contoso.com${ESC_CLEAR}${FAKE_LINE}\r\u009b31m\u202egnp.exe\u2028\u2029\u0007`;
const DANGEROUS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A self-signed certificate whose CN and organisation carry `name` as UTF8String. */
function certificateNamed(name: string): string {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '1b';
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2027-01-01T00:00:00Z');
  const attrs = [
    { shortName: 'CN', value: name, valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'O', value: name, valueTagClass: forge.asn1.Type.UTF8 },
  ] as unknown as forge.pki.CertificateField[];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([{ name: 'subjectAltName', altNames: [{ type: 2, value: 'mail.contoso.com' }] }]);
  cert.sign(forge.pki.privateKeyFromPem(keys.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

describe('terminalSafe', () => {
  it('escapes C0 and C1 controls, DEL, bidi controls and line separators as \\uXXXX', () => {
    expect(terminalSafe('a\u001b[2Jb')).toBe('a\\u001b[2Jb');
    expect(terminalSafe('\r\n\t\u0000\u007f\u009b\u202e\u2066\u200f\u061c\u2028\u2029')).toBe(
      '\\u000d\\u000a\\u0009\\u0000\\u007f\\u009b\\u202e\\u2066\\u200f\\u061c\\u2028\\u2029',
    );
  });

  it('escapes lone surrogates and keeps every real character, diacritics, CJK and emoji included', () => {
    expect(terminalSafe('x\ud800y\udc00')).toBe('x\\ud800y\\udc00');
    const text = 'Příliš žluťoučký kůň · Zażółć gęślą jaźń · 証明書 · 🔒 · C:\\Logs\\SEND.LOG';
    expect(terminalSafe(text)).toBe(text);
  });

  it('keeps the line breaks and tabs of a whole text but not a lone carriage return', () => {
    expect(terminalSafeText('one\n\ttwo\rthree\u001b[0m')).toBe('one\n\ttwo\\u000dthree\\u001b[0m');
  });

  it('leaves JSON meaning exactly the same', () => {
    const data = { subject: HOSTILE, [`key${ESC_CLEAR}`]: ['\u009b', '\u202e', 'plain'] };
    const json = terminalSafeText(JSON.stringify(data, null, 2));
    expect(DANGEROUS.test(json)).toBe(false);
    expect(JSON.parse(json)).toEqual(data);
  });

  it('copies plain data with every string made safe, keys included', () => {
    expect(terminalSafeValues({ [`a\nb`]: [{ s: '\u001b', n: 3, b: true, z: null }] })).toEqual({ 'a\\u000ab': [{ s: '\\u001b', n: 3, b: true, z: null }] });
  });
});

describe('relay-doctor analyze with a hostile certificate name', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rd-19-tty-'));
    // The file name is hostile too: names reach the summary's input list.
    file = join(dir, `evil${ESC_CLEAR}.pem`);
    writeFileSync(file, certificateNamed(HOSTILE));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes no control character, bidi override or separator to the terminal, and no injected line', async () => {
    const io = captureIo({ LANG: 'en' });
    await main(['analyze', file, '--at', '2026-06-01T00:00:00Z'], io);
    const out = io.out() + io.err();
    expect(out).toContain('\\u001b[2J');
    expect(DANGEROUS.test(out)).toBe(false);
    // The name's own line break stays inside the line that quotes it: no line starts with the fake verdict.
    expect(out).toContain('✔ All checks passed');
    expect(out.split('\n').some((l) => l.trimStart().startsWith('✔'))).toBe(false);
  });

  it('--json keeps the name exactly, as JSON escapes, with nothing raw on the terminal', async () => {
    const io = captureIo({ LANG: 'en' });
    await main(['analyze', file, '--json', '--at', '2026-06-01T00:00:00Z'], io);
    expect(DANGEROUS.test(io.out())).toBe(false);
    const report = JSON.parse(io.out()) as { certificates: { subject: string }[]; inputs: { file: string }[] };
    expect(report.certificates[0]?.subject).toContain(HOSTILE);
    expect(report.inputs[0]?.file).toBe(`evil${ESC_CLEAR}.pem`);
  });
});
