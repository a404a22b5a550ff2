import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../../../../electron/main/ipc/handlers';
import { dispatch } from '../../../../../electron/main/ipc/dispatch';
import { runAnalysis } from '../../../../../shared/engine/run';
import { runtimeTrustAnchors } from '../../../../../electron/services/trust-store';
import { buildFixPack } from '../../../../../shared/fixpack/build-fixpack';

const fixture = (p: string) => ({ name: p.split('/').pop() ?? p, bytes: new Uint8Array(readFileSync(p)) });

async function analysed(paths = ['test/fixtures/certs/leaf-only.pem', 'test/fixtures/ndr/exchange-onprem-5.7.64.eml']) {
  const { report, evidence } = await runAnalysis(paths.map(fixture), {
    locale: 'cs',
    now: new Date('2026-01-01T00:00:00Z'),
    trustAnchors: runtimeTrustAnchors(),
  });
  // What the renderer's worker builds and hands over: the pack's files and its guide model.
  const built = await buildFixPack({ report, evidence, locale: 'cs' });
  if (!built.ok) throw new Error(built.error.code);
  const files = built.value.files.map((f) => ('text' in f ? { name: f.name, text: f.text } : { name: f.name, bytes: f.bytes }));
  return { files, guide: built.value.guide, generatedAt: report.generatedAt };
}

describe('export:fixPack handler', { timeout: 60_000 }, () => {
  it('writes the Czech fix pack into the picked folder, as the CLI does', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'relay-doctor-ipc-fixpack-'));
    const handlers = createHandlers({ pickSavePath: async () => null, pickCasePath: async () => null, pickExportFolder: async () => parent, osLocale: () => 'cs-CZ', confirmConnection: async () => false });
    const pack = await analysed();
    const res = await dispatch(handlers, 'export:fixPack', { suggestedFolderName: 'relay-fix', ...pack, overwrite: false });
    expect(res.ok).toBe(true);
    const names = readdirSync(join(parent, 'relay-fix'));
    expect(names).toEqual(expect.arrayContaining(['guide.pdf', 'fix.ps1', 'rollback.ps1', 'collect-evidence.ps1', 'report.json', 'fixpack.zip']));
    expect(readFileSync(join(parent, 'relay-fix', 'guide.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('Replace removes the earlier pack files the new pack lacks (a stale fix.ps1), keeps the admin\'s own, and says which', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'relay-doctor-ipc-replace-'));
    const handlers = createHandlers({ pickSavePath: async () => null, pickCasePath: async () => null, pickExportFolder: async () => parent, osLocale: () => 'en', confirmConnection: async () => false });
    const first = await dispatch(handlers, 'export:fixPack', { suggestedFolderName: 'relay-fix', ...(await analysed()), overwrite: false });
    expect(first.ok).toBe(true);
    writeFileSync(join(parent, 'relay-fix', 'notes.txt'), 'the admin\'s own');
    mkdirSync(join(parent, 'relay-fix', 'fix.ps1.d'));
    // An NDR alone: a pack with the collector and the guide, no fix.ps1 (build-fixpack.ts).
    const ndrOnly = await analysed(['test/fixtures/ndr/exchange-onprem-5.7.64.eml']);
    expect(ndrOnly.files.map((f) => f.name)).not.toContain('fix.ps1');
    const refused = await dispatch(handlers, 'export:fixPack', { suggestedFolderName: 'relay-fix', ...ndrOnly, overwrite: false });
    expect(!refused.ok && refused.error.code).toBe('export.exists');
    expect(readdirSync(join(parent, 'relay-fix'))).toContain('fix.ps1');

    const replaced = await dispatch(handlers, 'export:fixPack', { suggestedFolderName: 'relay-fix', ...ndrOnly, overwrite: true });
    if (!replaced.ok) throw new Error(replaced.error.code);
    const names = readdirSync(join(parent, 'relay-fix')).sort();
    expect(names).not.toContain('fix.ps1');
    expect(names).not.toContain('rollback.ps1');
    expect(names.filter((n) => n.startsWith('intermediate-'))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['notes.txt', 'fix.ps1.d', 'guide.pdf', 'collect-evidence.ps1', 'report.json', 'fixpack.zip']));
    expect(replaced.value.removed).toEqual(expect.arrayContaining(['fix.ps1', 'rollback.ps1']));
    expect(replaced.value.removed).not.toContain('notes.txt');
    expect(replaced.value.stale ?? []).toEqual([]);
  });

  it('names the switch-over pack\'s zip switch-over.zip, and refuses a pack kind it does not know', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'relay-doctor-ipc-switchover-'));
    const handlers = createHandlers({ pickSavePath: async () => null, pickCasePath: async () => null, pickExportFolder: async () => parent, osLocale: () => 'en', confirmConnection: async () => false });
    const pack = await analysed();
    const res = await dispatch(handlers, 'export:fixPack', { suggestedFolderName: 'relay-doctor-switchover', ...pack, pack: 'switchOver', overwrite: false });
    expect(res.ok).toBe(true);
    const names = readdirSync(join(parent, 'relay-doctor-switchover'));
    expect(names).toContain('switch-over.zip');
    expect(names).not.toContain('fixpack.zip');
    const odd = await dispatch(handlers, 'export:fixPack', { suggestedFolderName: 'x', ...pack, pack: 'other', overwrite: false } as never);
    expect(odd.ok).toBe(false);
    if (!odd.ok) expect(odd.error.code).toBe('ipc.invalidRequest');
  });

  it('returns export.cancelled and writes nothing when the folder picker is cancelled', async () => {
    const handlers = createHandlers({ pickSavePath: async () => null, pickCasePath: async () => null, pickExportFolder: async () => null, osLocale: () => 'en', confirmConnection: async () => false });
    const pack = await analysed();
    const res = await dispatch(handlers, 'export:fixPack', { suggestedFolderName: 'x', ...pack, overwrite: false });
    expect(res).toEqual({ ok: false, error: { code: 'export.cancelled' } });
  });

  it('refuses a request without a guide model', async () => {
    const handlers = createHandlers({ pickSavePath: async () => null, pickCasePath: async () => null, pickExportFolder: async () => tmpdir(), osLocale: () => 'en', confirmConnection: async () => false });
    const res = await dispatch(handlers, 'export:fixPack', { suggestedFolderName: 'x', files: [{ name: 'a.txt', text: 'a' }], generatedAt: '2026-01-01T00:00:00Z', overwrite: false } as never);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('ipc.invalidRequest');
  });
});
