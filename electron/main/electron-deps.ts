import { app, dialog, shell, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { Translate } from '../../shared/i18n/format';
import { EVIDENCE_EXTENSIONS } from '../../shared/model/evidence-extensions';
import { consentDialogText } from './consent/consent-text';
import type { ConfirmConnection } from './consent/connection-consent';
import type { HandlerDeps } from './ipc/handlers';

/** Opens a dialog attached to the window when there is one (modal on macOS), free-standing otherwise. */
async function openDialog(win: BrowserWindow | null, options: OpenDialogOptions): Promise<string[]> {
  const result = win && !win.isDestroyed() ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

async function saveDialog(win: BrowserWindow | null, options: SaveDialogOptions): Promise<string | null> {
  const result = win && !win.isDestroyed() ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** The Electron side of HandlerDeps: native dialogs with localized titles, and the OS locale. */
export function electronHandlerDeps(getWindow: () => BrowserWindow | null, t: Translate): HandlerDeps {
  return {
    pickExportFolder: async ({ suggestedFolderName }) => {
      const [folder] = await openDialog(getWindow(), {
        title: t('shell.export.title', { folder: suggestedFolderName }),
        buttonLabel: t('shell.export.button'),
        defaultPath: app.getPath('documents'),
        properties: ['openDirectory', 'createDirectory'],
      });
      return folder ?? null;
    },
    // Windows and macOS ask before replacing; on Linux the dialog is told to ask too.
    saveDialogConfirmsReplace: true,
    pickSavePath: ({ suggestedName, extension }) =>
      saveDialog(getWindow(), {
        title: t('shell.saveCase.title'),
        defaultPath: join(app.getPath('documents'), `${suggestedName}.${extension}`),
        filters: [{ name: t('shell.filter.case'), extensions: [extension] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      }),
    pickCasePath: async ({ extension }) => {
      const [path] = await openDialog(getWindow(), {
        title: t('shell.openCase.title'),
        properties: ['openFile'],
        filters: [
          { name: t('shell.filter.case'), extensions: [extension] },
          { name: t('shell.filter.all'), extensions: ['*'] },
        ],
      });
      return path ?? null;
    },
    osLocale: () => app.getLocale(),
    // The handler has checked that main wrote this folder; services/open-folder.ts checks it is a folder.
    openPath: (folder) => shell.openPath(folder),
    confirmConnection: confirmConnection(getWindow, t),
  };
}

/**
 * Main's native question before a connection the page asked for (consent/connection-consent.ts). "Cancel" is
 * the default and the answer to Esc, so only a deliberate click on "Connect now" lets main connect.
 */
export function confirmConnection(getWindow: () => BrowserWindow | null, t: Translate): ConfirmConnection {
  return async (request) => {
    const text = consentDialogText(request, t);
    const options = {
      type: 'question' as const,
      buttons: [text.connect, text.cancel],
      defaultId: 1,
      cancelId: 1,
      title: text.title,
      message: text.message,
      detail: text.detail,
      noLink: true,
    };
    const win = getWindow();
    const { response } = win && !win.isDestroyed() ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    return response === 0;
  };
}

/**
 * File ▸ Open evidence…: the paths the user chose (`[]` when cancelled), read by main for the
 * evidence:opened event. The page's Browse… does not come here: it opens its own file input.
 */
export function pickEvidencePaths(getWindow: () => BrowserWindow | null, t: Translate): Promise<string[]> {
  return openDialog(getWindow(), {
    title: t('shell.openEvidence.title'),
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: t('shell.filter.evidence'), extensions: [...EVIDENCE_EXTENSIONS] },
      { name: t('shell.filter.all'), extensions: ['*'] },
    ],
  });
}

/** The confirmation before an https link leaves the app (security.ts createExternalOpener). */
export function confirmExternal(getWindow: () => BrowserWindow | null, t: Translate): (url: string) => Promise<boolean> {
  return async (url) => {
    const options = {
      type: 'question' as const,
      buttons: [t('shell.external.open'), t('shell.external.cancel')],
      defaultId: 1,
      cancelId: 1,
      title: t('shell.external.title'),
      message: t('shell.external.message'),
      detail: url,
      noLink: true,
    };
    const win = getWindow();
    const { response } = win && !win.isDestroyed() ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    return response === 0;
  };
}
