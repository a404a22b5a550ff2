import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

vi.mock('electron', () => import('../../electron-mock'));

type Mock = typeof import('../../electron-mock');
let electron: Mock;

beforeEach(async () => {
  electron = (await import('electron')) as unknown as Mock;
  electron.resetElectronMock();
  electron.shell.openPath.mockResolvedValue('');
  electron.app.getPath.mockReturnValue(tmpdir());
});

/** Main's real handlers over the Electron deps (shell.openPath mocked), exporting into a fresh temp folder. */
async function mainHandlers() {
  const { electronHandlerDeps } = await import('../../../../../electron/main/electron-deps');
  const { createHandlers } = await import('../../../../../electron/main/ipc/handlers');
  const { dispatch } = await import('../../../../../electron/main/ipc/dispatch');
  const parent = mkdtempSync(join(tmpdir(), 'relay-doctor-open-folder-'));
  const handlers = createHandlers({ ...electronHandlerDeps(() => null, (key) => key), pickExportFolder: async () => parent });
  const save = async (name: string) => {
    const res = await dispatch(handlers, 'export:save', { suggestedFolderName: name, files: [{ name: 'report.json', text: '{}\n' }], overwrite: false });
    if (!res.ok) throw new Error(res.error.code);
    return res.value.folder;
  };
  const open = (folder: string) => dispatch(handlers, 'folder:open', { folder });
  return { parent, save, open };
}

describe('folder:open (Open folder after a save)', () => {
  it('opens the folder main has just written, through shell.openPath', async () => {
    const { save, open } = await mainHandlers();
    const folder = await save('relay-doctor-report');
    expect(await open(folder)).toEqual({ ok: true, value: null });
    expect(electron.shell.openPath).toHaveBeenCalledExactlyOnceWith(folder);
  });

  it('refuses before any save, and refuses a folder main did not write (its parent, a made-up path, a file)', async () => {
    const { parent, save, open } = await mainHandlers();
    expect(await open(parent)).toEqual({ ok: false, error: { code: 'folder.notWritten' } });
    const folder = await save('relay-doctor-report');
    for (const other of [parent, '/etc', join(folder, '..', '..'), join(folder, 'report.json'), 'relay-doctor-report']) {
      expect(await open(other)).toEqual({ ok: false, error: { code: 'folder.notWritten' } });
    }
    expect(electron.shell.openPath).not.toHaveBeenCalled();
  });

  it('refuses the earlier folder once a different save has written another one', async () => {
    const { save, open } = await mainHandlers();
    const first = await save('relay-doctor-report');
    const second = await save('relay-doctor-report-2');
    expect(await open(first)).toEqual({ ok: false, error: { code: 'folder.notWritten' } });
    expect(await open(second)).toEqual({ ok: true, value: null });
    expect(electron.shell.openPath).toHaveBeenCalledExactlyOnceWith(second);
  });

  it('gives folder.openFailed with the OS reason when the file manager cannot open it', async () => {
    const { save, open } = await mainHandlers();
    const folder = await save('relay-doctor-report');
    electron.shell.openPath.mockResolvedValue('Failed to open path');
    expect(await open(folder)).toEqual({ ok: false, error: { code: 'folder.openFailed', params: { folder, reason: 'Failed to open path' } } });
  });

  it('never hands a file to openPath, which would run it', async () => {
    const { openFolder } = await import('../../../../../electron/services/open-folder');
    const file = join(mkdtempSync(join(tmpdir(), 'relay-doctor-open-file-')), 'fix.ps1');
    writeFileSync(file, 'Write-Host hi');
    const openPath = vi.fn(async () => '');
    expect((await openFolder(file, openPath)).ok).toBe(false);
    expect(openPath).not.toHaveBeenCalled();
  });
});
