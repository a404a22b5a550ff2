import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isPackFileName } from '../../../../shared/fixpack/pack-file-names';
import { runAnalysis } from '../../../../shared/engine/run';
import { buildFixPack } from '../../../../shared/fixpack/build-fixpack';
import { FIXPACK_ZIP, SWITCHOVER_ZIP } from '../../../../electron/services/fixpack-export';
import { SWITCHOVER_FILES } from '../../../../shared/switchover/build-pack';

const fixture = (p: string) => ({ name: p.split('/').pop() ?? p, bytes: new Uint8Array(readFileSync(p)) });

describe('the names a pack writes (what Replace may remove)', () => {
  it('cover every file of a real fix pack with intermediates, and of the switch-over pack', async () => {
    const { report, evidence } = await runAnalysis([fixture('test/fixtures/certs/chain-complete.pem'), fixture('test/fixtures/certs/leaf-only.pem')], {
      locale: 'en',
      now: new Date('2026-01-01T00:00:00Z'),
      trustAnchors: [],
    });
    const built = await buildFixPack({ report, evidence, locale: 'en' });
    if (!built.ok) throw new Error(built.error.code);
    const names = [...built.value.files.map((f) => f.name), 'guide.pdf', FIXPACK_ZIP, SWITCHOVER_ZIP, ...SWITCHOVER_FILES];
    expect(names.some((n) => n.startsWith('intermediate-'))).toBe(true);
    for (const name of names) expect(isPackFileName(name), name).toBe(true);
  });

  it('leave the admin’s own files alone, whatever they look like', () => {
    for (const name of ['notes.txt', 'fix.ps1.bak', 'my-fix.ps1', 'guide.pdf.old', 'intermediate.cer', 'intermediate-1-.cer.txt', 'report.json~', 'case.json']) {
      expect(isPackFileName(name), name).toBe(false);
    }
    // Windows and macOS folders ignore case: FIX.PS1 is the pack's fix.ps1 there.
    expect(isPackFileName('FIX.PS1')).toBe(true);
  });
});
