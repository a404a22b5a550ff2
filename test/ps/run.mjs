#!/usr/bin/env node
// npm run test:ps: writes fix packs from the real generator into a temporary folder, then runs the Pester
// suite in test/ps against them in PowerShell 7 (simulated Windows: test/ps/SimulatedWindows.ps1).
// Needs pwsh (PowerShell 7.6.10, a dotnet global tool) and Pester 5.7.1 restored from NuGet, as .ci/run
// installs them; DEVELOPERS.md "PowerShell tests" says how. Exits non-zero when a test fails or a tool is
// missing: this suite is the PowerShell check, it never passes without running.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFromSource } from './load-source.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..', '..');

/** pwsh: $PWSH, then PATH, then the dotnet global tool's folder. */
export function findPwsh() {
  const candidates = [process.env.PWSH, 'pwsh', join(homedir(), '.dotnet', 'tools', 'pwsh')].filter(Boolean);
  for (const c of candidates) {
    const r = spawnSync(c, ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', '$PSVersionTable.PSVersion.ToString()'], { encoding: 'utf8' });
    if (r.status === 0) return { path: c, version: r.stdout.trim() };
  }
  return null;
}

/** Pester's module manifest: $RELAY_DOCTOR_PESTER, else where .ci/run restores it (.tools/nuget). */
export function findPester() {
  const candidates = [process.env.RELAY_DOCTOR_PESTER, join(repo, '.tools', 'nuget', 'pester', '5.7.1', 'tools', 'Pester.psd1')].filter(Boolean);
  return candidates.find((c) => existsSync(c)) ?? null;
}

async function main() {
  const pwsh = findPwsh();
  if (!pwsh) {
    console.error('test:ps: pwsh (PowerShell 7) was not found. Install it: dotnet tool install --global PowerShell --version 7.6.10');
    process.exit(2);
  }
  const pester = findPester();
  if (!pester) {
    console.error('test:ps: Pester 5.7.1 was not found in .tools/nuget. Restore it as .ci/run does (DEVELOPERS.md "PowerShell tests"), or set RELAY_DOCTOR_PESTER to Pester.psd1.');
    process.exit(2);
  }
  console.log(`test:ps: PowerShell ${pwsh.version} (${pwsh.path}), Pester ${pester}`);
  const root = mkdtempSync(join(tmpdir(), 'relay-doctor-ps-'));
  try {
    const { generatePacks } = await loadFromSource('/test/ps/generate-packs.ts');
    const started = Date.now();
    const count = await generatePacks(join(root, 'packs'));
    console.log(`test:ps: ${count} fix packs written by the generator in ${Date.now() - started} ms`);
    const r = spawnSync(
      pwsh.path,
      ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', join(here, 'invoke-pester.ps1'), '-PesterPath', pester, '-PackRoot', join(root, 'packs'), '-WorkRoot', join(root, 'work')],
      { stdio: 'inherit', env: { ...process.env, RELAY_DOCTOR_REPO: repo, RELAY_DOCTOR_NODE: process.execPath } },
    );
    process.exitCode = r.status ?? 1;
  } finally {
    if (!process.env.RELAY_DOCTOR_KEEP_PS) rmSync(root, { recursive: true, force: true });
    else console.log(`test:ps: packs and work folders kept in ${root}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
