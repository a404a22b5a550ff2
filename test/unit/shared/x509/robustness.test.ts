import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { certificateAnalyzer, readCertificateBytes, type CertificateEvidence } from '../../../../shared/x509/index';
import { pemBlocks } from '../../../../shared/x509/formats/pem';
import { fixture } from './fixtures';
import { NOW, userAnchors } from './analyze-helpers';

const SEEDS = ['leaf-only.cer', 'chain-complete.pem', 'chain.p7b', 'leaf-aes.pfx', 'leaf-3des.p12', 'chain.sst', 'leaf-bare-base64.txt'];

/** Damages bytes the way transfers and bad tools do: flipped bytes, cut-offs, inserted junk. */
const damaged = fc
  .record({
    seed: fc.constantFrom(...SEEDS),
    flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 8 }),
    cut: fc.option(fc.nat()),
  })
  .map(({ seed, flips, cut }) => {
    const bytes = fixture(seed).slice();
    for (const [at, x] of flips) bytes[at % bytes.length] = (bytes[at % bytes.length] ?? 0) ^ x;
    return { seed, bytes: cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1)) };
  });

describe('robustness of the certificate readers', () => {
  it('returns a result and never throws for damaged certificate files, and the analyzer copes with what was read', async () => {
    await fc.assert(
      fc.asyncProperty(damaged, async ({ seed, bytes }) => {
        const r = await readCertificateBytes(seed, bytes, 'Relay-Doctor-1');
        if (!r.ok) {
          expect(r.error.code).toMatch(/^input\./);
          return;
        }
        const ev: CertificateEvidence = { kind: 'certificates', id: seed, source: seed, origin: 'file', certificates: r.value.certificates };
        const out = await certificateAnalyzer.analyze([ev], { now: NOW, trustAnchors: userAnchors('root.pem'), answers: {} });
        expect(Array.isArray(out.findings)).toBe(true);
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });

  it('scans PEM linearly: 100,000 unterminated BEGIN lines take well under a second', () => {
    const text = '-----BEGIN CERTIFICATE-----\nAAAA\n'.repeat(100_000);
    const blocks = pemBlocks(text);
    expect(blocks).toHaveLength(100_000);
    expect(blocks.every((b) => b.der === null)).toBe(true);
  });

  it('treats a block whose END label differs as broken and still reads the next one', () => {
    const good = new TextDecoder().decode(fixture('leaf-only.pem'));
    const blocks = pemBlocks(`-----BEGIN CERTIFICATE-----\nAAAA\n-----END PKCS7-----\n${good}`);
    expect(blocks.map((b) => [b.label, b.der !== null])).toEqual([
      ['CERTIFICATE', false],
      ['CERTIFICATE', true],
    ]);
  });
});
