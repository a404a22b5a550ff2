import { app, dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { Translate } from '../../shared/i18n/format';
import type { HandlerDeps } from './ipc/handlers';

/** Opens a dialog attached to the window when there is one (modal on macOS), free-standing otherwise. */
async function openDialog(win: BrowserWindow | null, options: OpenDialogOptions): Promise<string[]> {
  const result = win && !win.isDestroyed() ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/** The Electron side of HandlerDeps: native dialogs with localized titles, and the OS locale. */
export function electronHandlerDeps(getWindow: () => BrowserWindow | null, t: Translate): HandlerDeps {
  return {
    pickEvidencePaths: ({ multi, extensions }) =>
      openDialog(getWindow(), {
        title: t('shell.openEvidence.title'),
        properties: multi ? ['openFile', 'multiSelections'] : ['openFile'],
        filters: [
          { name: t('shell.filter.evidence'), extensions: [...extensions] },
          { name: t('shell.filter.all'), extensions: ['*'] },
        ],
      }),
    pickExportFolder: async ({ suggestedFolderName }) => {
      const [folder] = await openDialog(getWindow(), {
        title: t('shell.export.title', { folder: suggestedFolderName }),
        buttonLabel: t('shell.export.button'),
        defaultPath: app.getPath('documents'),
        properties: ['openDirectory', 'createDirectory'],
      });
      return folder ?? null;
    },
    osLocale: () => app.getLocale(),
  };
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
