import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pkg from '../../../../../package.json';
import { createHandlers, type HandlerDeps } from '../../../../../electron/main/ipc/handlers';
import { dispatch } from '../../../../../electron/main/ipc/dispatch';
import { createWriteGrants } from '../../../../../electron/main/write-grants';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-handlers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deps(over: Partial<HandlerDeps> = {}): HandlerDeps {
  return {
    pickExportFolder: async () => null,
    pickSavePath: async () => null,
    pickCasePath: async () => null,
    osLocale: () => 'cs-CZ',
    confirmConnection: async () => false,
    ...over,
  };
}

describe('app:info', () => {
  it('reports the package name and version, runtime versions and the OS locale', async () => {
    const res = await createHandlers(deps())['app:info']({});
    expect(res).toMatchObject({ ok: true, value: { name: pkg.productName, version: pkg.version, osLocale: 'cs-CZ' } });
    expect(res.ok && res.value.versions.node).toBe(process.versions.node);
  });
});

describe('app:setLocale', () => {
  it('hands the chosen language to main, and is harmless where main has no strings', async () => {
    const chosen: string[] = [];
    expect(await createHandlers(deps({ setLocale: (l) => void chosen.push(l) }))['app:setLocale']({ locale: 'cs' })).toEqual({ ok: true, value: null });
    expect(chosen).toEqual(['cs']);
    expect(await createHandlers(deps())['app:setLocale']({ locale: 'en' })).toEqual({ ok: true, value: null });
  });
});

describe('export:save', () => {
  const files = [
    { name: 'report.md', text: '\uFEFF# Zpráva' },
    { name: 'fix.ps1', bytes: new Uint8Array([0x23, 0x0a]) },
  ];

  it('writes the files into a new subfolder of the picked folder', async () => {
    const h = createHandlers(deps({ pickExportFolder: async () => dir }));
    const res = await h['export:save']({ suggestedFolderName: 'case-42', files, overwrite: false });
    const folder = join(dir, 'case-42');
    expect(res).toEqual({ ok: true, value: { folder, written: [join(folder, 'report.md'), join(folder, 'fix.ps1')] } });
    expect(await readFile(join(folder, 'report.md'), 'utf8')).toBe('\uFEFF# Zpráva');
  });

  it('returns export.cancelled and writes nothing when no folder is picked', async () => {
    const res = await createHandlers(deps())['export:save']({ suggestedFolderName: 'case', files, overwrite: false });
    expect(res).toEqual({ ok: false, error: { code: 'export.cancelled' } });
  });

  it('asks before replacing: export.exists first, success with overwrite', async () => {
    const h = createHandlers(deps({ pickExportFolder: async () => dir }));
    await h['export:save']({ suggestedFolderName: 'case', files, overwrite: false });
    const again = await h['export:save']({ suggestedFolderName: 'case', files, overwrite: false });
    expect(again).toMatchObject({ ok: false, error: { code: 'export.exists', params: { name: 'report.md' } } });
    expect((await h['export:save']({ suggestedFolderName: 'case', files, overwrite: true })).ok).toBe(true);
  });

  it('writes nothing when the picked folder is not an absolute path a native dialog would return', async () => {
    // Relative to the working directory it names the temp folder: had the gate let it through, files would be there.
    const h = createHandlers(deps({ pickExportFolder: async () => relative(process.cwd(), dir) }));
    const res = await h['export:save']({ suggestedFolderName: 'case', files, overwrite: false });
    expect(res).toEqual({ ok: false, error: { code: 'export.outsideChosenFolder', params: { name: 'case' } } });
    expect(await readdir(dir)).toEqual([]);
  });

  it('remembers the folder the user chose as a grant in main, shared with the other writers', async () => {
    const writeGrants = createWriteGrants();
    await createHandlers(deps({ pickExportFolder: async () => dir, writeGrants }))['export:save']({ suggestedFolderName: 'case', files, overwrite: false });
    expect(writeGrants.allows(join(dir, 'case', 'report.md'))).toBe(true);
    expect(writeGrants.allows(join(dir, '..', 'elsewhere'))).toBe(false);
  });
});

describe('case:save write grant', () => {
  it('returns case.outsideChosenFolder and writes nothing for a save path that is not absolute', async () => {
    const h = createHandlers(deps({ pickSavePath: async () => relative(process.cwd(), join(dir, 'contoso.json')) }));
    const content = { symptom: null, stepIndex: 0, answers: {}, evidence: [], report: null };
    const res = await dispatch(h, 'case:save', { content, suggestedName: 'contoso', overwrite: false });
    expect(res).toMatchObject({ ok: false, error: { code: 'case.outsideChosenFolder' } });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('trust:anchors', () => {
  it('lists the runtime roots', async () => {
    const res = await createHandlers(deps())['trust:anchors']({});
    expect(res.ok && res.value.length).toBeGreaterThan(0);
  });
});

describe('dispatch', () => {
  it('validates before the handler runs, as main does', async () => {
    const h = createHandlers(deps({ pickExportFolder: async () => dir }));
    const res = await dispatch(h, 'export:save', { suggestedFolderName: 'ok', files: [{ name: '../x', text: '' }], overwrite: false });
    expect(res).toMatchObject({ ok: false, error: { code: 'ipc.invalidRequest' } });
  });
});
