import { stat } from 'node:fs/promises';
import { err, ok, type AppError, type Result } from '../../shared/result';

/** Electron's `shell.openPath`, injected by main: resolves to '' on success or the OS's error text. */
export type OpenPath = (folder: string) => Promise<string>;

/**
 * Opens a folder in the system's file manager. The caller (main's `folder:open` handler) has already checked
 * that main wrote this folder itself; here it must still be a folder (never a file, which openPath would run).
 *
 * Codes: `folder.openFailed` (params: folder, reason).
 */
export async function openFolder(folder: string, openPath: OpenPath): Promise<Result<null, AppError>> {
  const isFolder = await stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isFolder) return err({ code: 'folder.openFailed', params: { folder, reason: 'not a folder' } });
  const failure = await openPath(folder);
  return failure === '' ? ok(null) : err({ code: 'folder.openFailed', params: { folder, reason: failure } });
}
