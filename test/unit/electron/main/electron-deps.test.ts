import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../electron-mock'));

type Mock = typeof import('../electron-mock');
let electron: Mock;

beforeEach(async () => {
  electron = (await import('electron')) as unknown as Mock;
  electron.resetElectronMock();
  electron.app.getPath.mockReturnValue('/home/admin/Documents');
});

async function deps() {
  const { electronHandlerDeps } = await import('../../../../electron/main/electron-deps');
  // Keys instead of texts: the test checks which string goes where.
  return electronHandlerDeps(() => null, (key) => key);
}

describe('case dialogs (electronHandlerDeps)', () => {
  it('offers the suggested .json name in Documents, filtered to case files, asking before replacing', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/home/admin/Documents/contoso.json' });
    const d = await deps();
    expect(d.saveDialogConfirmsReplace).toBe(true);
    expect(await d.pickSavePath({ suggestedName: 'contoso', extension: 'json' })).toBe('/home/admin/Documents/contoso.json');
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'shell.saveCase.title',
        defaultPath: '/home/admin/Documents/contoso.json',
        filters: [{ name: 'shell.filter.case', extensions: ['json'] }],
        properties: expect.arrayContaining(['showOverwriteConfirmation']),
      }),
    );
  });

  it('gives null when the save or open dialog is cancelled', async () => {
    const d = await deps();
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await d.pickSavePath({ suggestedName: 'x', extension: 'json' })).toBeNull();
    expect(await d.pickCasePath({ extension: 'json' })).toBeNull();
  });

  it('opens one case file, case files first in the filter', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/cases/a.json'] });
    const d = await deps();
    expect(await d.pickCasePath({ extension: 'json' })).toBe('/cases/a.json');
    const options = electron.dialog.showOpenDialog.mock.calls[0]?.[0] as { properties: string[]; filters: Array<{ extensions: string[] }>; title: string };
    expect(options.title).toBe('shell.openCase.title');
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters[0]?.extensions).toEqual(['json']);
  });
});

describe('File ▸ Open evidence… (pickEvidencePaths)', () => {
  it('offers several files, evidence extensions first and all files second', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/logs/a.evtx', '/certs/b.cer'] });
    const { pickEvidencePaths } = await import('../../../../electron/main/electron-deps');
    expect(await pickEvidencePaths(() => null, (key) => key)).toEqual(['/logs/a.evtx', '/certs/b.cer']);
    const options = electron.dialog.showOpenDialog.mock.calls[0]?.[0] as { properties: string[]; filters: Array<{ name: string; extensions: string[] }>; title: string };
    expect(options.title).toBe('shell.openEvidence.title');
    expect(options.properties).toEqual(['openFile', 'multiSelections']);
    expect(options.filters[0]?.extensions).toEqual(expect.arrayContaining(['cer', 'p7b', 'pfx', 'evtx', 'eml', 'msg', 'zip']));
    expect(options.filters[1]).toEqual({ name: 'shell.filter.all', extensions: ['*'] });
  });

  it('gives no paths when cancelled', async () => {
    electron.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    const { pickEvidencePaths } = await import('../../../../electron/main/electron-deps');
    expect(await pickEvidencePaths(() => null, (key) => key)).toEqual([]);
  });
});

describe('connection consent dialog (confirmConnection)', () => {
  const probe = { kind: 'probe', host: 'mail.contoso.test', port: 25, implicitTls: false, heloName: 'relay-doctor.invalid' } as const;

  it('is a native question box with Cancel as default and Esc, and says yes only for Connect now', async () => {
    const { confirmConnection } = await import('../../../../electron/main/electron-deps');
    const { translator } = await import('../../../../shared/i18n/format');
    const confirm = confirmConnection(() => null, translator('en'));
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(await confirm(probe)).toBe(false);
    const options = electron.dialog.showMessageBox.mock.calls[0]![0] as Record<string, unknown>;
    expect(options).toMatchObject({ type: 'question', buttons: ['Connect now', 'Cancel'], defaultId: 1, cancelId: 1, noLink: true });
    expect(options.message).toBe('Connect to mail.contoso.test on port 25?');
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    expect(await confirm(probe)).toBe(true);
  });

  it('is modal to the app window when there is one', async () => {
    const { confirmConnection } = await import('../../../../electron/main/electron-deps');
    const win = new electron.BrowserWindow({});
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    await confirmConnection(() => win as never, (k) => k)(probe);
    expect(electron.dialog.showMessageBox.mock.calls[0]![0]).toBe(win);
  });

  it('is what electronHandlerDeps gives the handlers', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
    expect(await (await deps()).confirmConnection(probe)).toBe(false);
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });
});
