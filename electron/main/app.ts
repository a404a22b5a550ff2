import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, Menu, shell, type BrowserWindow } from 'electron';
import { translator, type Translate } from '../../shared/i18n/format';
import { resolveLocale } from '../../shared/i18n/locales';
import { APP_ID } from './app-id';
import { confirmExternal, electronHandlerDeps, pickEvidencePaths } from './electron-deps';
import { evidencePathsFromArgv } from './evidence-files';
import { createEvidenceForwarder } from './evidence-forwarder';
import { sendEvent } from './events';
import { createSenderCheck, setupIpc } from './ipc/handle';
import { createHandlers, type HandlerDeps } from './ipc/handlers';
import { createMainWindow } from './main-window';
import { APP_PAGE_URL } from './protocol/app-origin';
import { registerAppScheme, serveAppScheme } from './protocol/app-scheme';
import { buildMenuTemplate, DOCUMENTATION_URL } from './menu';
import { createExternalOpener, setupSecurity } from './security';
import { loadWindowState } from './window-state';

/** Where the built renderer and preload sit next to this bundle (out/main → out/renderer, out/preload). */
function builtPaths(): { preload: string; rendererRoot: string; appUrl: string } {
  const here = new URL('.', import.meta.url);
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  return {
    preload: fileURLToPath(new URL('../preload/index.cjs', here)),
    rendererRoot: fileURLToPath(new URL('../renderer/', here)),
    // The dev server only in development; a packaged app always loads its own files, over app:// (never file://).
    appUrl: !app.isPackaged && devUrl ? devUrl : APP_PAGE_URL,
  };
}

/** Brings the window back to the user's attention (second launch, file association). */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/**
 * The app's lifecycle: single instance, security baseline, IPC, menu, one window, files opened from
 * outside. Returns false when another instance owns the lock (this one quits and hands over its argv).
 */
export function startApp(): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  // Every renderer sandboxed, whatever a future window's webPreferences say, and app:// declared privileged:
  // both must precede `ready`.
  app.enableSandbox();
  registerAppScheme();
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  let win: BrowserWindow | null = null;
  let stateSaved = (): Promise<void> => Promise.resolve();
  const getWindow = (): BrowserWindow | null => win;
  const forwarder = createEvidenceForwarder();

  // macOS delivers double-clicked files as events, possibly before `ready`.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void forwarder.open([path]);
    focusWindow(win);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow(win);
    void forwarder.open(evidencePathsFromArgv(argv, workingDirectory));
  });
  // Quit once the window's position is on disk (the write is async and would otherwise be cut short).
  app.on('window-all-closed', () => void stateSaved().finally(() => app.quit()));

  void app.whenReady().then(async () => {
    const { preload, rendererRoot, appUrl } = builtPaths();
    serveAppScheme(rendererRoot);
    // Main's own strings (menu, dialogs) follow the OS language (known only once ready) until the page
    // reports the user's choice through app:setLocale.
    let translate = translator(resolveLocale(app.getLocale()));
    const t: Translate = (key, params) => translate(key, params);
    const openExternal = createExternalOpener({ confirm: confirmExternal(getWindow, t), open: (url) => shell.openExternal(url) });
    setupSecurity({ openExternal, production: appUrl === APP_PAGE_URL });

    const installMenu = (): void => {
      const template = buildMenuTemplate(
        t,
        {
          openEvidence: () => void pickEvidencePaths(getWindow, t).then((p) => forwarder.open(p)),
          command: (command) => sendEvent(win, 'menu:command', { command }),
          openDocumentation: () => void openExternal(DOCUMENTATION_URL),
        },
        { platform: process.platform, devTools: !app.isPackaged },
      );
      Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    };
    const deps: HandlerDeps = {
      ...electronHandlerDeps(getWindow, t),
      setLocale: (locale) => {
        translate = translator(locale);
        installMenu();
      },
    };
    setupIpc(createHandlers(deps), createSenderCheck(getWindow, appUrl));
    installMenu();

    const stateFile = join(app.getPath('userData'), 'window-state.json');
    const main = createMainWindow({ preload, appUrl, title: t('shell.windowTitle'), savedState: await loadWindowState(stateFile), stateFile });
    win = main.window;
    stateSaved = main.stateSaved;
    const current = win;
    current.webContents.on('did-finish-load', () => void forwarder.attach((payload) => sendEvent(current, 'evidence:opened', payload)));
    current.on('closed', () => {
      forwarder.detach();
      win = null;
    });
    await forwarder.open(evidencePathsFromArgv(process.argv, process.cwd()));
  });
  return true;
}
