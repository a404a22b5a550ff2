import { mkdir, access, readdir, unlink } from 'node:fs/promises';
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
  /** Files of an earlier save of the same pack that this one lacks, removed on replace (`replaces`). */
  readonly removed?: string[];
  /** Such files that could not be removed: the admin is told to delete them before running anything there. */
  readonly stale?: string[];
}

export interface ExportOptions {
  readonly overwrite: boolean;
  /**
   * The names the pack being written may have (shared/fixpack/pack-file-names.ts). Replacing an earlier save
   * then also removes such files the new pack lacks, so nothing of the earlier case is left beside it.
   */
  readonly replaces?: (name: string) => boolean;
}

/**
 * Writes an export (fix pack, report, scripts) into `folder`, creating the folder if needed. Every name
 * is checked and, without `overwrite`, every target is checked before the first byte is written, so a
 * refused export leaves nothing half-written. Each file is written atomically (atomic-write.ts).
 *
 * With `overwrite` and `replaces`, files of an earlier save that the new pack lacks are removed afterwards.
 *
 * Codes: `export.unsafeName`, `export.duplicateName`, `export.exists`, `export.writeFailed` (params: name).
 */
export async function exportFiles(
  folder: string,
  files: readonly ExportFile[],
  options: ExportOptions,
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
  if (!options.overwrite || !options.replaces) return ok({ folder, written });
  return ok({ folder, written, ...(await removeStale(folder, files, options.replaces)) });
}

/** Removes the earlier save's pack files that the new pack lacks; a file that will not go is named, not hidden. */
async function removeStale(
  folder: string,
  files: readonly ExportFile[],
  replaces: (name: string) => boolean,
): Promise<{ removed: string[]; stale: string[] }> {
  const kept = new Set(files.map((f) => f.name.toLowerCase()));
  const removed: string[] = [];
  const stale: string[] = [];
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return { removed, stale };
  }
  for (const entry of entries) {
    // Only plain files of the pack's own names: a folder, a link or anything the admin put there stays.
    if (!entry.isFile() || kept.has(entry.name.toLowerCase()) || !replaces(entry.name)) continue;
    try {
      await unlink(join(folder, entry.name));
      removed.push(entry.name);
    } catch {
      stale.push(entry.name);
    }
  }
  return { removed: removed.sort(), stale: stale.sort() };
}
