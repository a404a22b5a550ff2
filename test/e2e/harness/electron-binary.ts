import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Electron binary would be, if its download ever succeeded (node_modules/electron/path.txt names
 * it inside dist/). Returns the reason it is unusable instead of throwing: on the build machines the
 * download host is unreachable (toolchain.md), and the electron project is then skipped, saying why.
 */
export function electronBinary(root: string): { ok: true; path: string } | { ok: false; reason: string } {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return { ok: false, reason: `Electron binary not installed (${pathFile} missing: its download did not happen here)` };
  }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { ok: false, reason: `Electron binary missing at ${binary}` };
  return { ok: true, path: binary };
}
