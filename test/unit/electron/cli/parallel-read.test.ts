import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../../shared/engine/run';
import { collectInputs } from '../../../../electron/cli/collect-inputs';
import { parallelFileReadAll } from '../../../../electron/cli/parallel-read';
import { DEFAULT_LIMITS } from '../../../../shared/model/input';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const FROM_SOURCE = new URL('../../../helpers/read-worker-from-source.mjs', import.meta.url);
const DYING = new URL('../../../helpers/dying-thread.mjs', import.meta.url);
const OPTIONS = { locale: 'en', now: new Date('2026-06-01T00:00:00Z'), trustAnchors: [], generatedAt: new Date('2026-06-01T00:00:00Z') } as const;

/** An evidence folder as an admin collects it: logs (one cut by the rollover), certificates, settings, junk. */
function evidenceFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'relay-doctor-jobs-'));
  mkdirSync(join(dir, 'evidence', 'SmtpSend'), { recursive: true });
  const copy = (from: string, to: string) => writeFileSync(join(dir, 'evidence', to), readFileSync(FIXTURES + from));
  copy('smtp/SEND20240516-1.log', 'SmtpSend/SEND20240516-1.log');
  copy('smtp/SEND20240516-2.log', 'SmtpSend/SEND20240516-2.log');
  copy('smtp/exchange-send-5.7.64-cert-sent.log', 'SmtpSend/SEND20240514-1.log');
  copy('certs/leaf-only.pem', 'server.pem');
  copy('settings/get-inboundconnector-fl.txt', 'inbound.txt');
  writeFileSync(join(dir, 'evidence', 'holiday.jpg'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2]));
  return join(dir, 'evidence');
}

describe('files read on several threads', () => {
  it('gives the same report as reading them one by one, in input order', async () => {
    const folder = evidenceFolder();
    const { inputs } = await collectInputs([folder]);
    expect(inputs.length).toBe(6);
    const oneByOne = await runAnalysis(inputs, OPTIONS);
    const done: number[] = [];
    const threaded = await runAnalysis(inputs, { ...OPTIONS, readAll: parallelFileReadAll(FROM_SOURCE, 2), onProgress: (p) => p.phase === 'read' && done.push(p.done) });
    expect(threaded.report).toEqual(oneByOne.report);
    expect(threaded.report.findings.map((f) => f.id)).toContain('smtp.tenantAttribution');
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reports the file of a thread that died as damaged and reads the rest', async () => {
    const folder = evidenceFolder();
    const { inputs } = await collectInputs([folder]);
    const read = await parallelFileReadAll(DYING, 2)(inputs.slice(0, 3), { limits: DEFAULT_LIMITS });
    expect(read.outcomes.map((o) => [o.file, o.status, o.error?.code])).toEqual(inputs.slice(0, 3).map((i) => [i.name, 'rejected', 'input.damaged']));
  });
});
