import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCertificateBytes, MAX_CERTIFICATES_PER_FILE } from '../../shared/x509/read-certificate-bytes';

/**
 * Issue 19 item 4: a PEM of 25,000 certificates (one issuer, serials rewritten) ran past a gigabyte. A file with
 * more certificates than any real export is refused with a clear, counted limit before anything is decoded.
 */
const FIXTURE = fileURLToPath(new URL('../fixtures/certs/leaf-ec256.pem', import.meta.url));

function pemOf(count: number): Uint8Array {
  const block = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/.exec(readFileSync(FIXTURE, 'utf8'))?.[0] ?? '';
  return new TextEncoder().encode(block.endsWith('\n') ? block.repeat(count) : `${block}\n`.repeat(count));
}

describe('a certificate file with tens of thousands of certificates', () => {
  it('is refused as input.tooManyCertificates, naming how many it holds and the limit', async () => {
    const r = await readCertificateBytes('many.pem', pemOf(MAX_CERTIFICATES_PER_FILE + 1));
    expect(r).toEqual({ ok: false, error: { code: 'input.tooManyCertificates', params: { count: MAX_CERTIFICATES_PER_FILE + 1, limit: MAX_CERTIFICATES_PER_FILE } } });
  });

  it('still reads a bundle of a few certificates', async () => {
    const r = await readCertificateBytes('few.pem', pemOf(3));
    expect(r.ok).toBe(true);
  });
});
