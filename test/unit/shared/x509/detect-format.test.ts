import { describe, expect, it } from 'vitest';
import { detectCertificateFormat } from '../../../../shared/x509/index';
import { fixture } from './fixtures';
import { concat } from './path/der-builder';

const utf8 = (text: string) => new TextEncoder().encode(text);
const join = (...parts: Uint8Array[]) => concat(parts);

// UTF-8 text is searched for armour as bytes before anything is decoded: the answers stay those of decoding.
describe('detectCertificateFormat on text', () => {
  it('finds PEM armour after a long preamble with non-ASCII text, within the first megabyte', () => {
    const preamble = utf8('Zertifikat für den Connector: ü ß é 証明書\n'.repeat(20000));
    expect(preamble.length).toBeGreaterThan(500_000);
    expect(detectCertificateFormat(join(preamble, fixture('leaf-only.pem')))).toBe('pem');
  });

  it('does not look for armour past the first megabyte, as before', () => {
    expect(detectCertificateFormat(join(utf8('x'.repeat(1 << 20)), fixture('leaf-only.pem')))).toBeNull();
  });

  it('reads bare Base64 from the start of the text, and refuses a log', () => {
    expect(detectCertificateFormat(fixture('leaf-bare-base64.txt'))).toBe('base64');
    expect(detectCertificateFormat(utf8('#Software: Microsoft Exchange Server\n#Fields: date-time,connector-id\nGG-----BEGIN\n'.repeat(1000)))).toBeNull();
  });

  it('still decodes UTF-16 text to find its armour', () => {
    const pem = new TextDecoder().decode(fixture('leaf-only.pem'));
    const utf16 = new Uint8Array(2 + pem.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < pem.length; i++) utf16[2 + 2 * i] = pem.charCodeAt(i);
    expect(detectCertificateFormat(utf16)).toBe('pem');
  });
});
