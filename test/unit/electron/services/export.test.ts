import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportFiles, isPlainFileName } from '../../../../electron/services/export';
import { writeFileAtomic } from '../../../../electron/services/atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rd-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('isPlainFileName', () => {
  it('accepts ordinary names, including Czech ones', () => {
    for (const n of ['report.pdf', 'Oprava řetězce.ps1', '.hidden', 'a b.txt']) expect(isPlainFileName(n), n).toBe(true);
  });

  it('refuses folders, traversal, drive and stream colons, device names and trailing dots', () => {
    for (const n of ['../x', 'a/b', 'a\\b', '..', '.', 'C:x', 'a.txt:ads', 'CON', 'nul.txt', 'com1.log', 'a.txt.', 'a ', '', 'a\u0000b']) {
      expect(isPlainFileName(n), JSON.stringify(n)).toBe(false);
    }
  });
});

describe('exportFiles', () => {
  it('writes text as UTF-8 exactly (BOM kept) and bytes unchanged, leaving no temp files', async () => {
    const res = await exportFiles(dir, [
      { name: 'a.txt', text: '\uFEFFžluťoučký' },
      { name: 'b.bin', bytes: new Uint8Array([0, 255, 1]) },
    ], { overwrite: false });
    expect(res).toEqual({ ok: true, value: { folder: dir, written: [join(dir, 'a.txt'), join(dir, 'b.bin')] } });
    expect(await readFile(join(dir, 'a.txt'))).toEqual(Buffer.from('\uFEFFžluťoučký', 'utf8'));
    expect([...(await readFile(join(dir, 'b.bin')))]).toEqual([0, 255, 1]);
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'b.bin']);
  });

  it('refuses ../x and writes nothing outside or inside the folder', async () => {
    const inner = join(dir, 'inner');
    const res = await exportFiles(inner, [{ name: 'ok.txt', text: 'a' }, { name: '../x', text: 'escape' }], { overwrite: false });
    expect(res).toEqual({ ok: false, error: { code: 'export.unsafeName', params: { name: '../x' } } });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses to overwrite without the flag and leaves the old file and its siblings untouched', async () => {
    await writeFile(join(dir, 'b.txt'), 'old');
    const res = await exportFiles(dir, [{ name: 'a.txt', text: 'new a' }, { name: 'b.txt', text: 'new b' }], { overwrite: false });
    expect(res).toEqual({ ok: false, error: { code: 'export.exists', params: { name: 'b.txt' } } });
    expect(await readFile(join(dir, 'b.txt'), 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['b.txt']);
  });

  it('replaces an existing file when overwrite is set', async () => {
    await writeFile(join(dir, 'b.txt'), 'old');
    expect((await exportFiles(dir, [{ name: 'b.txt', text: 'new' }], { overwrite: true })).ok).toBe(true);
    expect(await readFile(join(dir, 'b.txt'), 'utf8')).toBe('new');
  });

  it('refuses two files whose names differ only in case', async () => {
    const res = await exportFiles(dir, [{ name: 'A.txt', text: '1' }, { name: 'a.txt', text: '2' }], { overwrite: false });
    expect(res).toMatchObject({ ok: false, error: { code: 'export.duplicateName' } });
  });
});

describe('writeFileAtomic', () => {
  it('does not clobber a file that appears after the caller checked (link refuses)', async () => {
    const target = join(dir, 'race.txt');
    await writeFile(target, 'theirs');
    const res = await writeFileAtomic(target, 'ours', { overwrite: false });
    expect(res).toEqual({ ok: false, error: { code: 'export.exists', params: { name: 'race.txt' } } });
    expect(await readFile(target, 'utf8')).toBe('theirs');
    expect(await readdir(dir)).toEqual(['race.txt']);
  });

  it('returns export.writeFailed with the OS code when the folder does not exist', async () => {
    const res = await writeFileAtomic(join(dir, 'missing', 'x.txt'), 'x', { overwrite: false });
    expect(res).toEqual({ ok: false, error: { code: 'export.writeFailed', params: { name: 'x.txt', reason: 'ENOENT' } } });
  });
});
