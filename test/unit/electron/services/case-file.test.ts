import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_SCHEMA, caseEvidenceBytes, loadCase, saveCase, toCaseEvidence } from '../../../../electron/services/case-file';

const dir = mkdtempSync(join(tmpdir(), 'relay-doctor-case-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = { symptom: '550 5.7.64', stepIndex: 2, answers: { sendingSystem: 'exchange' as const }, report: null };

describe('case file', () => {
  it('saves and loads the evidence bytes, answers and schema id', async () => {
    const path = join(dir, 'round.relaydoctor');
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    expect((await saveCase(path, { ...base, evidence: [toCaseEvidence('leaf.cer', 'file', bytes)] })).ok).toBe(true);
    const r = await loadCase(path);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.schema).toBe(CASE_SCHEMA);
    expect(r.value.answers).toEqual({ sendingSystem: 'exchange' });
    expect([...caseEvidenceBytes(r.value.evidence[0]!)]).toEqual([...bytes]);
  });

  it('refuses a file of another schema, a torn JSON file and a missing file with distinct codes', async () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ schema: 'relay-doctor/case@2', savedAt: '', symptom: null, stepIndex: 0, answers: {}, evidence: [], report: null }));
    const torn = join(dir, 'torn.json');
    writeFileSync(torn, '{"schema":"relay-doctor/case@1","savedAt":"2026');
    expect((await loadCase(other)).ok ? 'ok' : 'invalid').toBe('invalid');
    const t = await loadCase(torn);
    expect(t.ok ? 'ok' : t.error.code).toBe('case.invalid');
    const m = await loadCase(join(dir, 'missing.json'));
    expect(m.ok ? 'ok' : m.error.code).toBe('case.notFound');
  });

  it('refuses a case file over the size limit before reading it', async () => {
    const path = join(dir, 'big.json');
    await saveCase(path, { ...base, evidence: [toCaseEvidence('a.log', 'file', new Uint8Array(4096))] });
    const r = await loadCase(path, 1024);
    expect(r.ok ? 'ok' : r.error).toEqual({ code: 'input.tooLarge', params: { what: 'bytes', limitBytes: 1024 } });
  });
});

/**
 * A child process saves versions 1, 2, 3 … of a case with 1 MiB of evidence each (all bytes = version % 251),
 * printing each version once saveCase() has resolved; it is SIGKILLed at a random moment mid-series. The file
 * left on disk must load and be one complete version: the last acknowledged one or the one being written;
 * and every load made while it was writing must have succeeded too.
 */
describe('case file under a killed writer', () => {
  let child: string;
  beforeAll(async () => {
    const { build } = await import('rolldown');
    const bundle = join(dir, 'case-file.bundle.mjs');
    await build({ input: fileURLToPath(new URL('../../../../electron/services/case-file.ts', import.meta.url)), platform: 'node', logLevel: 'silent', output: { file: bundle, format: 'esm' } });
    child = join(dir, 'writer.mjs');
    writeFileSync(
      child,
      `const { saveCase, toCaseEvidence } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const [path, from] = process.argv.slice(2);
for (let v = Number(from); ; v++) {
  const payload = new Uint8Array(1024 * 1024).fill(v % 251);
  const r = await saveCase(path, { symptom: 'v' + v, stepIndex: 0, answers: {}, evidence: [toCaseEvidence('big.log', 'file', payload)], report: null });
  if (!r.ok) { console.error(JSON.stringify(r.error)); process.exit(1); }
  process.stdout.write(v + '\\n');
}
`,
    );
  }, 60_000);

  /**
   * Runs the writer until it has acknowledged `acks` versions, then `extraMs` more, and SIGKILLs it. All the
   * while the case is loaded again and again, as the app reopening it would: every load must succeed (a plain
   * writeFile fails this thousands of times a second: the reader sees the truncated or half-written file).
   */
  async function writeThenKill(path: string, from: number, acks: number, extraMs: number): Promise<{ acked: number; loads: number; torn: string[] }> {
    const proc = spawn(process.execPath, [child, path, String(from)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acked = from - 1;
    let writing = true;
    const torn: string[] = [];
    let loads = 0;
    const poll = (async () => {
      while (writing) {
        const r = await loadCase(path);
        loads++;
        if (!r.ok && r.error.code !== 'case.notFound') torn.push(r.error.code);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await new Promise<void>((resolve) => {
      proc.stdout.on('data', (d: Buffer) => {
        for (const line of d.toString().split('\n').filter(Boolean)) acked = Number(line);
        if (acked >= from + acks - 1) setTimeout(() => resolve(), extraMs);
      });
      proc.on('exit', () => resolve());
    });
    proc.kill('SIGKILL');
    await new Promise((resolve) => (proc.exitCode !== null || proc.signalCode !== null ? resolve(null) : proc.once('exit', resolve)));
    writing = false;
    await poll;
    return { acked, loads, torn };
  }

  it('always leaves the previous or the new complete version, never a torn file', async () => {
    const path = join(dir, 'killed.relaydoctor');
    let from = 1;
    for (let round = 0; round < 5; round++) {
      const { acked, loads, torn } = await writeThenKill(path, from, 2 + (round % 3), [0, 3, 7, 15, 30][round]!);
      expect(loads).toBeGreaterThan(0);
      expect(torn, `round ${round}: loads during the writes`).toEqual([]);
      const r = await loadCase(path);
      expect(r.ok, `round ${round}: ${JSON.stringify(r.ok ? '' : r.error)}`).toBe(true);
      if (!r.ok) return;
      const version = Number(r.value.symptom?.slice(1));
      expect([acked, acked + 1]).toContain(version);
      const bytes = caseEvidenceBytes(r.value.evidence[0]!);
      expect(bytes.length).toBe(1024 * 1024);
      expect(bytes.every((b) => b === version % 251)).toBe(true);
      from = version + 1;
    }
  }, 120_000);
});
