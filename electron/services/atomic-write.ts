import { randomBytes } from 'node:crypto';
import { access, link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { err, ok, type AppError, type Result } from '../../shared/result';

/**
 * Writes a file so that readers see either the old content or the complete new content, never a torn file:
 * write a temporary file in the same folder, fsync it, then move it into place (a rename within one file
 * system is atomic). Never throws; failures come back as `export.exists` / `export.writeFailed`.
 *
 * Without `overwrite` the final step is `link()`, which fails with EEXIST instead of replacing, so a file
 * that appears between our check and our write is still never clobbered. File systems without hard links
 * (FAT, some network shares) fall back to check-then-rename.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: { overwrite: boolean },
): Promise<Result<string, AppError>> {
  const name = basename(path);
  const temp = join(dirname(path), `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite) {
      await rename(temp, path);
    } else {
      const placed = await placeWithoutOverwrite(temp, path);
      if (!placed) {
        await unlink(temp).catch(() => undefined);
        return err({ code: 'export.exists', params: { name } });
      }
    }
    await syncDirectory(dirname(path));
    return ok(path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    return err({ code: 'export.writeFailed', params: { name, reason: errorCode(e) } });
  }
}

async function placeWithoutOverwrite(temp: string, path: string): Promise<boolean> {
  try {
    await link(temp, path);
    await unlink(temp);
    return true;
  } catch (e) {
    if (errorCode(e) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(errorCode(e))) throw e;
  }
  // No hard links here: the check and the rename are two steps; the window is tiny and only ours.
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (exists) return false;
  await rename(temp, path);
  return true;
}

/** Persists the rename itself on POSIX; Windows cannot open folders this way and does not need it. */
async function syncDirectory(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const dir = await open(folder, 'r').catch(() => null);
  if (!dir) return;
  await dir.sync().catch(() => undefined);
  await dir.close();
}

export function errorCode(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') return e.code;
  return 'EUNKNOWN';
}
