/**
 * A stand-in for the `electron` module (the binary cannot run on the build machines, toolchain.md). It
 * records what main asks of Electron — windows and their options, IPC handlers, session handlers, sent
 * events — so tests can assert on it and drive events (`app.emit('second-instance', …)`).
 * Use: `vi.mock('electron', () => import('<relative>/electron-mock'))`.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Handler = (...args: never[]) => unknown;

export class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  headersListener: Handler | null = null;
  setPermissionRequestHandler(h: Handler): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: Handler): void {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: Handler): void {
    this.devicePermissionHandler = h;
  }
  requestFilter: { urls: string[] } | null = null;
  requestListener: Handler | null = null;
  webRequest = {
    onHeadersReceived: (l: Handler): void => void (this.headersListener = l),
    onBeforeRequest: (filter: { urls: string[] }, l: Handler): void => {
      this.requestFilter = filter;
      this.requestListener = l;
    },
  };
}

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly session = new FakeSession();
  readonly mainFrame: { url: string; parent: null } = { url: '', parent: null };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly send = vi.fn();
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
}

export const app = Object.assign(new EventEmitter(), {
  isPackaged: true,
  requestSingleInstanceLock: vi.fn(() => true),
  enableSandbox: vi.fn(),
  setAppUserModelId: vi.fn(),
  quit: vi.fn(),
  whenReady: vi.fn(() => Promise.resolve()),
  getLocale: vi.fn(() => 'cs-CZ'),
  getPath: vi.fn((_name: string) => '/nonexistent-user-data'),
});

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  destroyed = false;
  minimized = false;
  readonly restore = vi.fn(() => void (this.minimized = false));
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly maximize = vi.fn();
  readonly loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    BrowserWindow.instances.push(this);
    // Electron announces every new web contents; main's security setup hooks in here.
    app.emit('web-contents-created', {}, this.webContents);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return false;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
}

export const ipcMain = {
  handlers: new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>(),
  handle: vi.fn((channel: string, fn: (event: unknown, raw: unknown) => Promise<unknown>) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, fn);
  }),
};

export const session = { defaultSession: new FakeSession() };

/** Custom schemes: what was declared privileged (before ready) and the handler each scheme got. */
export const protocol = {
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn((_schemes: unknown[]) => undefined),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    if (protocol.handlers.has(scheme)) throw new Error(`The scheme has been registered: ${scheme}`);
    protocol.handlers.set(scheme, handler);
  }),
};

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 1 })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
};

export const shell = { openExternal: vi.fn(async (_url: string) => undefined), openPath: vi.fn(async (_path: string) => '') };

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (channel: string, req: unknown) => ({ channel, req })),
});

/** A fake Electron event whose preventDefault can be asserted. */
export function fakeEvent(extra: Record<string, unknown> = {}): { preventDefault: ReturnType<typeof vi.fn> } & Record<string, unknown> {
  return { preventDefault: vi.fn(), ...extra };
}

/** Back to a fresh Electron: no windows, handlers, listeners or recorded calls. */
export function resetElectronMock(): void {
  BrowserWindow.instances.length = 0;
  ipcMain.handlers.clear();
  protocol.handlers.clear();
  app.removeAllListeners();
  ipcRenderer.removeAllListeners();
  session.defaultSession = new FakeSession();
  const fns = [
    app.requestSingleInstanceLock, app.enableSandbox, app.quit, app.whenReady, app.getLocale, app.getPath, ipcMain.handle,
    dialog.showOpenDialog, dialog.showMessageBox, dialog.showSaveDialog, shell.openExternal, shell.openPath, Menu.buildFromTemplate,
    Menu.setApplicationMenu, screen.getAllDisplays, contextBridge.exposeInMainWorld, ipcRenderer.invoke,
    protocol.registerSchemesAsPrivileged, protocol.handle,
  ];
  for (const fn of fns) fn.mockReset();
}

export default { app, BrowserWindow, ipcMain, session, protocol, dialog, shell, Menu, screen, contextBridge, ipcRenderer };
