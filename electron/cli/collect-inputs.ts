import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { deferredFile, type FileInput } from './file-input';

/** A path the user named that could not be read at all (missing, unreadable). */
export interface UnreadablePath {
  readonly path: string;
  readonly reason: string;
}

/**
 * Turns the paths on the command line into inputs: files as they are, folders recursively (names relative to
 * the folder, prefixed with its name), in a stable order. Only names and sizes are gathered here: the engine
 * reads each file when its turn comes (and refuses one over the size limit without reading it). Links are not
 * followed, so a folder cannot make the CLI read outside it. Zips are read by the engine's container reader.
 */
export async function collectInputs(paths: readonly string[]): Promise<{ inputs: FileInput[]; unreadable: UnreadablePath[] }> {
  const inputs: FileInput[] = [];
  const unreadable: UnreadablePath[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        for (const file of await walk(path)) {
          inputs.push(deferredFile(file.path, `${basename(path)}/${relative(path, file.path).split('\\').join('/')}`, file.size));
        }
      } else {
        inputs.push(deferredFile(path, basename(path), info.size));
      }
    } catch (e) {
      unreadable.push({ path, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
  }
  return { inputs, unreadable };
}

async function walk(dir: string): Promise<Array<{ path: string; size: number }>> {
  const out: Array<{ path: string; size: number }> = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile()) out.push({ path: full, size: (await stat(full)).size });
  }
  return out;
}
