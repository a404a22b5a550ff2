import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRenewal } from '../../../renderer/src/lib/renewal-run';
import { runAnalysis, type RunOptions } from '../../../shared/engine/run';
import type { BlobInput } from '../../../renderer/src/lib/blob-input';

const DIR = join(__dirname, '..', '..', 'scenarios', 'preflight', 'healthy-renewal-same-issuer');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as { new: string; args: { at: string; password: string } };
const rootPem = readFileSync(join(DIR, '_args', 'root.pem'), 'utf8');
const options: RunOptions = {
  locale: 'en',
  now: new Date(expected.args.at),
  generatedAt: new Date(expected.args.at),
  trustAnchors: [{ derBase64: rootPem.replace(/-----[^-]+-----|\s/g, ''), store: 'user' }],
};

/** The scenario's files as the app's worker takes them, each counting how often it is loaded. */
function scenarioInputs(loads: Map<string, number>): BlobInput[] {
  return readdirSync(DIR)
    .filter((f) => f !== 'expected.json' && f !== '_args')
    .map((name) => {
      const bytes = new Uint8Array(readFileSync(join(DIR, name)));
      return {
        name,
        blob: new Blob([bytes]),
        size: bytes.byteLength,
        load: async () => {
          loads.set(name, (loads.get(name) ?? 0) + 1);
          return bytes;
        },
        ...(name === expected.new ? { password: expected.args.password } : {}),
      };
    });
}

describe('the renewal path in the worker (renderer/src/lib/renewal-run.ts)', () => {
  it('reads every file once and judges today’s state without the new certificate, as a run without it would', async () => {
    const loads = new Map<string, number>();
    const run = await runRenewal(scenarioInputs(loads), expected.new, options);
    // One read for both judgements (the hybrid-facts scan reads the small cmdlet outputs once more).
    for (const [name, count] of loads) expect(count, name).toBe(/\.txt$/.test(name) ? 2 : 1);
    expect(run.preflight.ok && run.preflight.value.verdict).toBe('willWork');
    expect(run.judged.report.inputs.map((i) => i.file)).toContain(expected.new);
    expect(run.current.report.inputs.map((i) => i.file)).not.toContain(expected.new);
    expect(run.current.evidence.some((e) => e.source === expected.new)).toBe(false);
    expect(run.input?.status).toBe('ok');

    const alone = await runAnalysis(scenarioInputs(new Map()).filter((i) => i.name !== expected.new), options);
    expect(run.current.report.verdict).toEqual(alone.report.verdict);
    expect(run.current.report.findings.map((f) => f.id)).toEqual(alone.report.findings.map((f) => f.id));
    expect(run.current.report.chains).toEqual(alone.report.chains);
  });
});
