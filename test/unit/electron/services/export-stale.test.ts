import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isPackFileName } from '../../../../shared/fixpack/pack-file-names';

// A file the OS will not let go (open in an editor on Windows, a read-only share): unlink fails for it only.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    unlink: async (path: string) => {
      if (String(path).endsWith('rollback.ps1')) throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      return real.unlink(path);
    },
  };
});
const { exportFiles } = await import('../../../../electron/services/export');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-export-stale-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('replacing an earlier save whose file will not go', () => {
  it('writes the new pack, removes what it can, and names the file left behind', async () => {
    for (const name of ['fix.ps1', 'rollback.ps1', 'guide.md', 'notes.txt']) await writeFile(join(dir, name), 'earlier');
    const res = await exportFiles(dir, [{ name: 'guide.md', text: 'new' }, { name: 'collect-evidence.ps1', text: 'new' }], { overwrite: true, replaces: isPackFileName });
    if (!res.ok) throw new Error(res.error.code);
    expect(res.value.removed).toEqual(['fix.ps1']);
    expect(res.value.stale).toEqual(['rollback.ps1']);
    expect((await readdir(dir)).sort()).toEqual(['collect-evidence.ps1', 'guide.md', 'notes.txt', 'rollback.ps1']);
  });

  it('removes nothing without replaces (a report saved into a folder of the admin’s)', async () => {
    await writeFile(join(dir, 'fix.ps1'), 'earlier');
    const res = await exportFiles(dir, [{ name: 'report.json', text: '{}' }], { overwrite: true });
    expect(res.ok && res.value.removed).toBeUndefined();
    expect((await readdir(dir)).sort()).toEqual(['fix.ps1', 'report.json']);
  });
});
