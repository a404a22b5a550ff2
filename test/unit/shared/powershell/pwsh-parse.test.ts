import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixPack, fileBytes } from '../../../../shared/fixpack/build-fixpack';
import { LOCALES } from '../../../../shared/i18n/locales';
import { CAUSE_CASES, cause, pfxEvidence, report } from '../fixpack/helpers';

/**
 * The generated scripts through PowerShell's own parser and the Windows PowerShell 5.1 AST check
 * (test/ps/Windows51.psm1), when pwsh is on this machine. `npm test` must not need PowerShell: without pwsh
 * the suite is reported as skipped, with the reason in its name and on the console, never passed silently.
 * `npm run test:ps` (the Pester suite, run by .ci/run) does this and more and fails without pwsh.
 */
function findPwsh(): string | null {
  for (const candidate of [process.env['PWSH'], 'pwsh', join(homedir(), '.dotnet', 'tools', 'pwsh')]) {
    if (!candidate) continue;
    const r = spawnSync(candidate, ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', '1'], { encoding: 'utf8' });
    if (r.status === 0) return candidate;
  }
  return null;
}

const PWSH = findPwsh();
const CHECKER = fileURLToPath(new URL('../../../ps/Windows51.psm1', import.meta.url));
const REASON = 'SKIPPED: pwsh (PowerShell 7) is not installed here: dotnet tool install --global PowerShell --version 7.6.10';
if (!PWSH) console.warn(`!!! ${REASON} !!!`);

/** Problems per file, from one pwsh run over all of them. */
function check(files: readonly string[]): Record<string, string[]> {
  const script = `Import-Module '${CHECKER.replace(/'/g, "''")}'
$out = @{}
foreach ($f in (Get-Content -LiteralPath $args[0])) { $out[$f] = @(Get-Windows51Problem -Path $f) }
$out | ConvertTo-Json -Depth 3 -Compress`;
  const dir = mkdtempSync(join(tmpdir(), 'rd-pwsh-'));
  try {
    writeFileSync(join(dir, 'check.ps1'), script);
    writeFileSync(join(dir, 'files.txt'), files.join('\n'));
    const r = spawnSync(PWSH!, ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', join(dir, 'check.ps1'), join(dir, 'files.txt')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as Record<string, string[]>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!PWSH)(`generated scripts in PowerShell's own parser, checked for Windows PowerShell 5.1${PWSH ? '' : ` (${REASON})`}`, { timeout: 120_000 }, () => {
  it('parses every fix.ps1, rollback.ps1 and collect-evidence.ps1 of every cause in every language with no error and nothing 5.1 cannot run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-packs-'));
    try {
      const files: string[] = [];
      for (const [i, c] of CAUSE_CASES.entries()) {
        for (const locale of LOCALES) {
          const r = await buildFixPack({ report: report([cause(c.id, c.remediation, c.params)]), evidence: [pfxEvidence()], locale });
          if (!r.ok) throw new Error(r.error.code);
          for (const f of r.value.files.filter((x) => x.name.endsWith('.ps1'))) {
            const path = join(dir, `${i}-${locale}-${f.name}`);
            writeFileSync(path, fileBytes(f));
            files.push(path);
          }
        }
      }
      const problems = check(files);
      expect(Object.keys(problems)).toHaveLength(files.length);
      for (const [file, list] of Object.entries(problems)) expect(list, file).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses what Windows PowerShell 5.1 cannot run (the check can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rd-bad-'));
    try {
      const bad = join(dir, 'bad.ps1');
      writeFileSync(bad, "$a = $b ?? 1\r\n$c = $true ? 1 : 2\r\nGet-Date && Get-Date\r\n1..2 | ForEach-Object -Parallel { $_ }\r\n");
      const list = check([bad])[bad] ?? [];
      expect(list.join('\n')).toMatch(/\?\?/);
      expect(list.join('\n')).toMatch(/ternary/);
      expect(list.join('\n')).toMatch(/&&/);
      expect(list.join('\n')).toMatch(/-Parallel/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
