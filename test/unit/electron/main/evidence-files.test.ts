import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidencePathsFromArgv, readEvidenceFiles } from '../../../../electron/main/evidence-files';

describe('evidencePathsFromArgv', () => {
  it('keeps associated files, resolves them against the launch folder, and skips the exe and switches', () => {
    const argv = ['/opt/Relay Doctor/relay-doctor', '--no-sandbox', 'a.CER', '/abs/chain.p7b', 'readme.md', '-psn_0_123', 'System.evtx'];
    expect(evidencePathsFromArgv(argv, '/home/admin')).toEqual([
      resolve('/home/admin', 'a.CER'),
      '/abs/chain.p7b',
      resolve('/home/admin', 'System.evtx'),
    ]);
  });

  it('accepts file:// URIs from Linux desktop entries and drops other URIs', () => {
    const argv = ['relay-doctor', 'file:///home/admin/Stažené/leaf%20cert.pem', 'https://x.example/a.cer'];
    expect(evidencePathsFromArgv(argv, '/')).toEqual(['/home/admin/Stažené/leaf cert.pem']);
  });

  it('finds nothing in a plain launch', () => {
    expect(evidencePathsFromArgv(['electron', '.'], '/')).toEqual([]);
  });
});

describe('readEvidenceFiles', () => {
  it('reads what fits, and rejects folders, missing files and what exceeds the batch limit by name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rd-ev-'));
    try {
      await writeFile(join(dir, 'a.pem'), Buffer.alloc(600, 1));
      await writeFile(join(dir, 'b.pem'), Buffer.alloc(600, 2));
      await mkdir(join(dir, 'folder.cer'));
      const paths = ['a.pem', 'b.pem', 'folder.cer', 'gone.cer'].map((n) => join(dir, n));
      const out = await readEvidenceFiles(paths, { maxFileBytes: 1000, maxTotalBytes: 1000 });
      expect(out.files.map((f) => [f.name, f.bytes.length])).toEqual([['a.pem', 600]]);
      expect(out.rejected.map((r) => r.error.code)).toEqual(['evidence.tooLarge', 'evidence.notAFile', 'evidence.unreadable']);
      expect(out.rejected[0]?.error.params).toEqual({ name: 'b.pem', limitBytes: 400 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
