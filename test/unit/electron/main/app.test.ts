import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_PREFIX, CHANNELS } from '../../../../shared/ipc/contract';
import { PRODUCTION_CSP } from '../../../../electron/main/csp';

vi.mock('electron', () => import('../electron-mock'));

type Mock = typeof import('../electron-mock');
type Item = { label?: string; click?: () => void; submenu?: Item[] };

let dir: string;
let electron: Mock;

// Generous: the first start compiles main's module graph, which is slow on a busy 2-core machine.
const waitFor = <T>(fn: () => T | Promise<T>): Promise<T> => vi.waitFor(fn, { timeout: 15_000 });

/** Starts main against a fresh electron mock and waits for its window. */
async function start(options: { lock?: boolean } = {}): Promise<InstanceType<Mock['BrowserWindow']> | undefined> {
  vi.resetModules();
  electron = (await import('electron')) as unknown as Mock;
  electron.resetElectronMock();
  electron.app.getPath.mockReturnValue(dir);
  electron.app.requestSingleInstanceLock.mockReturnValue(options.lock ?? true);
  const { startApp } = await import('../../../../electron/main/app');
  if (!startApp()) return undefined;
  await waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
  return electron.BrowserWindow.instances[0];
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-main-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('startApp', { timeout: 30_000 }, () => {
  it('quits and opens no window when another instance holds the lock', async () => {
    expect(await start({ lock: false })).toBeUndefined();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('registers exactly the contract channels and loads the built page in one window', async () => {
    const win = await start();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(CHANNELS.map((c) => CHANNEL_PREFIX + c).sort());
    expect(win?.loadURL).toHaveBeenCalledWith('app://relay-doctor/index.html');
  });

  it('declares app:// privileged before ready and serves the built renderer on it, CSP header included', async () => {
    await start();
    expect(electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(electron.app.whenReady.mock.invocationCallOrder[0]!);
    const serve = electron.protocol.handlers.get('app');
    expect(serve).toBeDefined();
    // The handler reads from out/renderer next to the main bundle; its answers always carry the CSP.
    const res = await serve!(new Request('app://relay-doctor/assets/none-such.js'));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
  });

  it('opens the window with the secure webPreferences and a bundled CommonJS preload', async () => {
    const win = await start();
    expect(win?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      preload: expect.stringMatching(/preload[\\/]index\.cjs$/),
    });
    // …and sandboxing is forced app-wide before ready, for any future window too.
    expect(electron.app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(electron.app.whenReady.mock.invocationCallOrder[0]!);
  });

  it('denies every permission request and check, on the default session and on each web contents', async () => {
    const win = await start();
    for (const ses of [electron.session.defaultSession, win!.webContents.session]) {
      const callback = vi.fn();
      (ses.permissionRequestHandler as (...a: unknown[]) => void)(win!.webContents, 'media', callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect((ses.permissionCheckHandler as (...a: unknown[]) => boolean)(win!.webContents, 'notifications')).toBe(false);
    }
  });

  it('cancels every http(s) and websocket request of the packaged page', async () => {
    await start();
    const ses = electron.session.defaultSession;
    expect(ses.requestFilter?.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const callback = vi.fn();
    (ses.requestListener as (...a: unknown[]) => void)({ url: 'https://tracker.example/x.png' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });

  it('sends the production CSP header with connect-src none', async () => {
    await start();
    const callback = vi.fn();
    (electron.session.defaultSession.headersListener as (...a: unknown[]) => void)(
      { responseHeaders: { 'content-security-policy': ["default-src *"] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [PRODUCTION_CSP] } });
    expect(PRODUCTION_CSP).toContain("connect-src 'none'");
  });
});

describe('navigation and window-open guards', () => {
  it('prevents navigation and opens an https link only after the user confirms', async () => {
    const win = await start();
    const nav = electron.fakeEvent();
    win!.webContents.emit('will-navigate', nav, 'https://learn.microsoft.com/x');
    expect(nav.preventDefault).toHaveBeenCalled();
    await waitFor(() => expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1));
    expect(electron.shell.openExternal).not.toHaveBeenCalled(); // the mock answers "Cancel"

    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    expect(win!.webContents.windowOpenHandler!({ url: 'https://learn.microsoft.com/y' })).toEqual({ action: 'deny' });
    await waitFor(() => expect(electron.shell.openExternal).toHaveBeenCalledWith('https://learn.microsoft.com/y'));
  });

  it('never offers non-https targets to the browser', async () => {
    const win = await start();
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.com/']) {
      expect(win!.webContents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
      win!.webContents.emit('will-navigate', electron.fakeEvent(), url);
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses <webview> in any web contents created later', async () => {
    await start();
    const later = new electron.FakeWebContents();
    electron.app.emit('web-contents-created', {}, later);
    const attach = electron.fakeEvent();
    later.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
    expect(later.windowOpenHandler!({ url: 'https://a.example/' })).toEqual({ action: 'deny' });
  });
});

describe('files opened from outside the window', () => {
  it('focuses the window and forwards a second launch’s evidence files to the page', async () => {
    const win = await start();
    await writeFile(join(dir, 'leaf.cer'), Buffer.from([0x30, 0x82]));
    win!.webContents.emit('did-finish-load');
    win!.minimized = true;
    electron.app.emit('second-instance', electron.fakeEvent(), ['C:\\RD\\Relay Doctor.exe', '--allow-file-access', 'leaf.cer', 'notes.docx'], dir);
    expect(win!.restore).toHaveBeenCalled();
    expect(win!.focus).toHaveBeenCalled();
    await waitFor(() =>
      expect(win!.webContents.send).toHaveBeenCalledWith('diag-event:evidence:opened', {
        files: [{ name: 'leaf.cer', bytes: new Uint8Array([0x30, 0x82]) }],
        rejected: [],
      }),
    );
  });

  it('holds a macOS open-file until the page has loaded, then delivers it', async () => {
    const win = await start();
    await writeFile(join(dir, 'chain.p7b'), 'x');
    const open = electron.fakeEvent();
    electron.app.emit('open-file', open, join(dir, 'chain.p7b'));
    expect(open.preventDefault).toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 10));
    expect(win!.webContents.send).not.toHaveBeenCalled();
    win!.webContents.emit('did-finish-load');
    await waitFor(() =>
      expect(win!.webContents.send).toHaveBeenCalledWith('diag-event:evidence:opened', expect.objectContaining({ rejected: [] })),
    );
  });
});

describe('window state and menu', () => {
  it('restores saved bounds and saves them again on close', async () => {
    await writeFile(join(dir, 'window-state.json'), JSON.stringify({ x: 100, y: 80, width: 900, height: 650, maximized: false }));
    const win = await start();
    expect(win!.options).toMatchObject({ x: 100, y: 80, width: 900, height: 650 });
    win!.emit('close');
    electron.app.emit('window-all-closed');
    // Quitting waits for the write, so the file is complete by the time quit is called.
    await waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(JSON.parse(await readFile(join(dir, 'window-state.json'), 'utf8'))).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
  });

  it('switches the menu to the language the user picks in the page', async () => {
    const win = await start();
    const setLocale = electron.ipcMain.handlers.get('diag:app:setLocale')!;
    const trusted = { sender: win!.webContents, senderFrame: win!.webContents.mainFrame };
    expect(await setLocale(trusted, { locale: 'en' })).toEqual({ ok: true, value: null });
    const calls = electron.Menu.buildFromTemplate.mock.calls;
    const latest = calls[calls.length - 1]![0] as Item[];
    expect(latest.map((m) => m.label)).toContain('&File');
    expect(await setLocale(trusted, { locale: 'xx' })).toMatchObject({ ok: false, error: { code: 'ipc.invalidRequest' } });
  });

  it('builds a Czech menu for a Czech OS and forwards Export… to the page', async () => {
    const win = await start();
    const template = electron.Menu.buildFromTemplate.mock.calls[0]![0] as Item[];
    const file = template.find((m) => m.label === '&Soubor');
    expect(file).toBeDefined();
    file!.submenu!.find((i) => i.label === 'Exportovat…')!.click!();
    expect(win!.webContents.send).toHaveBeenCalledWith('diag-event:menu:command', { command: 'export' });
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });
});

describe('main trusts no renderer', { timeout: 30_000 }, () => {
  const frameOf = (win: InstanceType<Mock['BrowserWindow']>) => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });

  it('asks in its own localized dialog before a probe, and a Cancel returns consent.refused without connecting', async () => {
    const win = await start();
    const probe = electron.ipcMain.handlers.get('diag:network:probe')!;
    // Port 9 on loopback: had main connected, the answer would be a network error, not consent.refused.
    const res = await probe(frameOf(win!), { host: '127.0.0.1', port: 9 });
    expect(res).toEqual({ ok: false, error: { code: 'consent.refused' } });
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const options = electron.dialog.showMessageBox.mock.calls[0]!.at(-1) as { message: string; detail: string; buttons: string[]; cancelId: number; defaultId: number };
    // The OS is Czech in this mock: main's own strings follow it.
    expect(options.message).toBe('Připojit se k 127.0.0.1 na port 9?');
    expect(options.detail).toContain('EHLO relay-doctor.invalid');
    expect(options.buttons).toEqual(['Připojit', 'Zrušit']);
    expect([options.defaultId, options.cancelId]).toEqual([1, 1]);
  });

  it('refuses IPC from a file:// page, even the one the app used to load', async () => {
    const win = await start();
    const info = electron.ipcMain.handlers.get('diag:app:info')!;
    const fileFrame = { url: 'file:///opt/Relay%20Doctor/resources/app.asar/out/renderer/index.html', parent: null };
    expect(await info({ sender: win!.webContents, senderFrame: fileFrame }, {})).toMatchObject({ ok: false, error: { code: 'ipc.untrustedSender' } });
    expect(await info(frameOf(win!), {})).toMatchObject({ ok: true });
  });
});
