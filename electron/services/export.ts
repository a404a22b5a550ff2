import { mkdir, access } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportFile } from '../../shared/ipc/contract';
import { err, ok, type AppError, type Result } from '../../shared/result';
import { errorCode, writeFileAtomic } from './atomic-write';

// Names Windows reserves for devices in every folder (with or without an extension).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Separators, characters Windows forbids, and control characters.
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f]/;

/**
 * True for a name that stays inside the folder it is joined to, on every OS we ship for: no separators or
 * drive/stream colons, not `.`/`..`, not a Windows device name, no trailing dot or space (Windows strips
 * them, so `a.txt.` would silently become `a.txt`).
 */
export function isPlainFileName(name: string): boolean {
  if (name.length === 0 || name.length > 200) return false;
  if (FORBIDDEN.test(name) || name === '.' || name === '..') return false;
  if (/[. ]$/.test(name)) return false;
  return !WINDOWS_DEVICE.test(name);
}

export interface ExportResult {
  readonly folder: string;
  readonly written: string[];
}

/**
 * Writes an export (fix pack, report, scripts) into `folder`, creating the folder if needed. Every name
 * is checked and, without `overwrite`, every target is checked before the first byte is written, so a
 * refused export leaves nothing half-written. Each file is written atomically (atomic-write.ts).
 *
 * Codes: `export.unsafeName`, `export.duplicateName`, `export.exists`, `export.writeFailed` (params: name).
 */
export async function exportFiles(
  folder: string,
  files: readonly ExportFile[],
  options: { overwrite: boolean },
): Promise<Result<ExportResult, AppError>> {
  const seen = new Set<string>();
  for (const file of files) {
    if (!isPlainFileName(file.name)) return err({ code: 'export.unsafeName', params: { name: file.name } });
    // Windows and macOS file systems are case-insensitive: `A.txt` and `a.txt` are the same file there.
    const key = file.name.toLowerCase();
    if (seen.has(key)) return err({ code: 'export.duplicateName', params: { name: file.name } });
    seen.add(key);
  }
  try {
    await mkdir(folder, { recursive: true });
  } catch (e) {
    return err({ code: 'export.writeFailed', params: { name: folder, reason: errorCode(e) } });
  }
  if (!options.overwrite) {
    for (const file of files) {
      const exists = await access(join(folder, file.name)).then(
        () => true,
        () => false,
      );
      if (exists) return err({ code: 'export.exists', params: { name: file.name } });
    }
  }
  const written: string[] = [];
  for (const file of files) {
    const data = file.bytes ?? Buffer.from(file.text ?? '', 'utf8');
    const result = await writeFileAtomic(join(folder, file.name), data, options);
    if (!result.ok) return result;
    written.push(result.value);
  }
  return ok({ folder, written });
}
