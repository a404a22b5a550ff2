import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { InputFile } from '../../shared/model/input';

/** A path the user named that could not be read at all (missing, unreadable). */
export interface UnreadablePath {
  readonly path: string;
  readonly reason: string;
}

/**
 * Turns the paths on the command line into inputs: files as they are, folders recursively (names relative to
 * the folder, prefixed with its name), in a stable order. Links are not followed, so a folder cannot make
 * the CLI read outside it. Zips are read by the engine's container reader.
 */
export async function collectInputs(
  paths: readonly string[],
  maxFileBytes: number,
): Promise<{ inputs: InputFile[]; unreadable: UnreadablePath[]; tooLarge: InputFile[] }> {
  const inputs: InputFile[] = [];
  const unreadable: UnreadablePath[] = [];
  const tooLarge: InputFile[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        for (const file of await walk(path)) {
          await addFile(file, `${basename(path)}/${relative(path, file).split('\\').join('/')}`);
        }
      } else {
        await addFile(path, basename(path));
      }
    } catch (e) {
      unreadable.push({ path, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
  }
  return { inputs, unreadable, tooLarge };

  async function addFile(file: string, name: string): Promise<void> {
    const info = await stat(file);
    // Over the limit: hand the engine an empty body with the name so it reports input.tooLarge, without
    // reading gigabytes into memory first.
    if (info.size > maxFileBytes) {
      tooLarge.push({ name, bytes: new Uint8Array(0) });
      return;
    }
    inputs.push({ name, bytes: new Uint8Array(await readFile(file)) });
  }
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
