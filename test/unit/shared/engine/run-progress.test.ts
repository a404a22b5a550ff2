import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runAnalysis, type RunProgress } from '../../../../shared/engine/run';
import { ANALYZERS } from '../../../../shared/engine/analyzers';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const bytes = (path: string) => new Uint8Array(readFileSync(FIXTURES + path));
const OPTIONS = { locale: 'en', now: new Date('2026-06-01T00:00:00Z'), trustAnchors: [] } as const;

async function progressOf(inputs: Array<{ name: string; bytes: Uint8Array }>): Promise<RunProgress[]> {
  const seen: RunProgress[] = [];
  await runAnalysis(inputs, { ...OPTIONS, onProgress: (p) => seen.push(p) });
  return seen;
}

describe('runAnalysis onProgress', () => {
  it('reports each input read, then each analyzer, in order', async () => {
    const seen = await progressOf([
      { name: 'leaf-only.pem', bytes: bytes('certs/leaf-only.pem') },
      { name: 'inbound.txt', bytes: bytes('settings/get-inboundconnector-fl.txt') },
      { name: 'holiday.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]) },
    ]);
    const n = ANALYZERS.length;
    expect(n).toBeGreaterThan(1);
    expect(seen).toEqual([
      { phase: 'read', done: 1, total: 3 },
      { phase: 'read', done: 2, total: 3 },
      { phase: 'read', done: 3, total: 3 },
      ...Array.from({ length: n }, (_, i) => ({ phase: 'analyze', done: i + 1, total: n })),
    ]);
  });

  it("counts a zip's entries as inputs once the zip is opened", async () => {
    const zip = zipSync({ 'leaf.pem': bytes('certs/leaf-only.pem'), 'intermediate.pem': bytes('certs/intermediate.pem') });
    const reads = (await progressOf([{ name: 'evidence.zip', bytes: zip }])).filter((p) => p.phase === 'read');
    expect(reads).toEqual([
      { phase: 'read', done: 1, total: 3 },
      { phase: 'read', done: 2, total: 3 },
      { phase: 'read', done: 3, total: 3 },
    ]);
  });

  it('runs the same without a callback', async () => {
    const { report } = await runAnalysis([{ name: 'leaf-only.pem', bytes: bytes('certs/leaf-only.pem') }], OPTIONS);
    expect(report.inputs).toHaveLength(1);
  });
});
