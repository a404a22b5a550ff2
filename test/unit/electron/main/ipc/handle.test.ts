import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_PREFIX, CHANNELS } from '../../../../../shared/ipc/contract';
import type { Handlers } from '../../../../../electron/main/ipc/handlers';

vi.mock('electron', () => import('../../electron-mock'));

const electron = await import('../../electron-mock');
const { requestSchemas } = await import('../../../../../shared/ipc/schemas');
const { createSenderCheck, isAppUrl, setupIpc } = await import('../../../../../electron/main/ipc/handle');

const { APP_PAGE_URL } = await import('../../../../../electron/main/protocol/app-origin');
const APP_URL = APP_PAGE_URL;

function fakeHandlers(overrides: Partial<Record<keyof Handlers, () => Promise<unknown>>> = {}): Handlers {
  const ok = async (): Promise<unknown> => ({ ok: true, value: 'handled' });
  return Object.fromEntries(CHANNELS.map((c) => [c, overrides[c] ?? ok])) as unknown as Handlers;
}

describe('setupIpc', () => {
  let win: InstanceType<typeof electron.BrowserWindow>;
  beforeEach(async () => {
    electron.ipcMain.handlers.clear();
    win = new electron.BrowserWindow({});
    await win.loadURL(APP_URL);
  });
  const trusted = (): Parameters<ReturnType<typeof createSenderCheck>>[0] =>
    ({ sender: win.webContents, senderFrame: win.webContents.mainFrame }) as never;
  const call = (channel: string, event: unknown, raw: unknown): Promise<unknown> =>
    electron.ipcMain.handlers.get(CHANNEL_PREFIX + channel)!(event, raw);

  it('has one request schema per contract channel', () => {
    expect(Object.keys(requestSchemas).sort()).toEqual([...CHANNELS].sort());
  });

  it('registers exactly the contract channels, each once', () => {
    setupIpc(fakeHandlers(), createSenderCheck(() => win as never, APP_URL));
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(CHANNELS.map((c) => CHANNEL_PREFIX + c).sort());
  });

  it('runs the handler for a valid request from the app page', async () => {
    setupIpc(fakeHandlers(), createSenderCheck(() => win as never, APP_URL));
    expect(await call('app:info', trusted(), {})).toEqual({ ok: true, value: 'handled' });
  });

  it('returns ipc.untrustedSender for a frame showing another page', async () => {
    const handler = vi.fn(async () => ({ ok: true, value: 'no' }));
    setupIpc(fakeHandlers({ 'app:info': handler }), createSenderCheck(() => win as never, APP_URL));
    const event = { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await call('app:info', event, {})).toMatchObject({ ok: false, error: { code: 'ipc.untrustedSender' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('returns ipc.untrustedSender for a subframe, a vanished frame and another window', async () => {
    setupIpc(fakeHandlers(), createSenderCheck(() => win as never, APP_URL));
    const other = new electron.BrowserWindow({});
    await other.loadURL(APP_URL);
    const events = [
      { sender: win.webContents, senderFrame: { url: APP_URL, parent: win.webContents.mainFrame } },
      { sender: win.webContents, senderFrame: null },
      { sender: other.webContents, senderFrame: other.webContents.mainFrame },
    ];
    for (const event of events) {
      expect(await call('trust:anchors', event, {})).toMatchObject({ error: { code: 'ipc.untrustedSender' } });
    }
  });

  it('returns ipc.invalidRequest for a payload that breaks the schema', async () => {
    setupIpc(fakeHandlers(), createSenderCheck(() => win as never, APP_URL));
    const bad = { suggestedFolderName: '../up', files: [{ name: 'a.txt', text: 'x' }], overwrite: false };
    expect(await call('export:save', trusted(), bad)).toMatchObject({ ok: false, error: { code: 'ipc.invalidRequest' } });
    expect(await call('app:setLocale', trusted(), { locale: 'xx' })).toMatchObject({ error: { code: 'ipc.invalidRequest' } });
    expect(await call('app:info', trusted(), { extra: 1 })).toMatchObject({ error: { code: 'ipc.invalidRequest' } });
  });

  it('returns ipc.failed when a handler throws, without the error message', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const boom = async (): Promise<never> => {
      throw new Error('secret /home/admin/path');
    };
    setupIpc(fakeHandlers({ 'app:info': boom }), createSenderCheck(() => win as never, APP_URL));
    const res = await call('app:info', trusted(), {});
    expect(res).toEqual({ ok: false, error: { code: 'ipc.failed', params: { channel: 'app:info' } } });
    expect(JSON.stringify(res)).not.toContain('secret');
  });
});

describe('isAppUrl', () => {
  it('accepts the app:// page (with a query or hash) and nothing else on or off that scheme', () => {
    expect(APP_URL).toBe('app://relay-doctor/index.html');
    expect(isAppUrl(`${APP_URL}#/step/2`, APP_URL)).toBe(true);
    expect(isAppUrl(`${APP_URL}?x=1`, APP_URL)).toBe(true);
    for (const url of [
      'app://relay-doctor/assets/index.js',
      'app://evil/index.html',
      'app://user@relay-doctor/index.html',
      'app://relay-doctor:8080/index.html',
      'https://relay-doctor/index.html',
      'file:///opt/Relay%20Doctor/resources/app.asar/out/renderer/index.html',
      'not a url',
    ]) {
      expect(isAppUrl(url, APP_URL), url).toBe(false);
    }
  });

  it('never trusts a file:// page, even the one the app used to load', () => {
    const old = 'file:///opt/Relay%20Doctor/resources/app.asar/out/renderer/index.html';
    expect(isAppUrl(old, old)).toBe(false);
  });

  it('accepts any path on the dev server origin and rejects other origins', () => {
    expect(isAppUrl('http://localhost:5173/src/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('app://relay-doctor/index.html', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('not a url', 'http://localhost:5173/')).toBe(false);
  });
});
