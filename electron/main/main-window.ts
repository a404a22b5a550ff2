import { BrowserWindow, screen } from 'electron';
import { placeWindow, saveWindowState, type WindowState } from './window-state';

export interface MainWindowOptions {
  preload: string;
  appUrl: string;
  title: string;
  savedState: WindowState | null;
  stateFile: string;
}

export interface MainWindow {
  readonly window: BrowserWindow;
  /** Settles once the bounds written on close are on disk; quitting waits for it. */
  stateSaved(): Promise<void>;
}

export function createMainWindow(options: MainWindowOptions): MainWindow {
  const bounds = placeWindow(
    options.savedState,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: options.title,
    autoHideMenuBar: false,
    // style.md §3.4. The page gets no Node, runs sandboxed in its own world, and talks to main only through
    // the preload's named methods. Written out literally here (not built by a helper) so that
    // electronegativity can see every option. Navigation and window-open guards come from security.ts
    // (`web-contents-created`), so they also cover any web contents created later.
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Middle-click would otherwise try to open links in a new window (denied anyway; this removes the path).
      disableBlinkFeatures: 'Auxclick',
      // A file dropped outside the drop zone must not replace the app with the file.
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  if (options.savedState?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  let saving: Promise<void> = Promise.resolve();
  win.on('close', () => {
    const normal = win.getNormalBounds();
    saving = saveWindowState(options.stateFile, { ...normal, maximized: win.isMaximized() });
  });
  void win.loadURL(options.appUrl);
  return { window: win, stateSaved: () => saving };
}
