import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The folder boundaries of style.md §3.9, checked against the real eslint.config.mjs: a file at the given
// path with one import either passes or fails no-restricted-imports.
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, specifier: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import * as m from '${specifier}';\nexport const x = m;\n`, { filePath });
  return (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
}

const cases: Array<[file: string, specifier: string, forbidden: boolean]> = [
  ['shared/x509/probe.ts', 'node:fs', true],
  ['shared/x509/probe.ts', 'path', true],
  ['shared/x509/probe.ts', 'electron', true],
  ['shared/x509/probe.ts', '../../electron/services/export', true],
  ['shared/x509/probe.ts', '../../renderer/src/lib/diag-api', true],
  ['shared/x509/probe.ts', '../ipc/contract', false],
  ['shared/x509/probe.ts', 'pkijs', false],
  ['renderer/src/lib/probe.ts', 'electron', true],
  ['renderer/src/lib/probe.ts', 'node:path', true],
  ['renderer/src/lib/probe.ts', '../../../electron/main/app', true],
  ['renderer/src/lib/probe.ts', '../../../shared/ipc/contract', false],
  ['electron/preload/probe.ts', 'electron', false],
  ['electron/preload/probe.ts', './bridge', false],
  ['electron/preload/probe.ts', '../../shared/ipc/contract', false],
  ['electron/preload/probe.ts', '../../shared/ipc/schemas', true],
  ['electron/preload/probe.ts', '../services/export', true],
  ['electron/preload/probe.ts', 'zod', true],
  ['electron/preload/probe.ts', 'node:fs', true],
  ['electron/services/probe.ts', 'electron', true],
  ['electron/services/probe.ts', '../main/app', true],
  ['electron/services/probe.ts', 'node:fs/promises', false],
  ['electron/services/network/probe.ts', '../../main/ipc/handle', true],
  ['electron/services/network/probe.ts', '../../../shared/result', false],
  ['electron/main/probe.ts', 'electron', false],
];

describe('eslint import boundaries', { timeout: 60_000 }, () => {
  for (const [file, specifier, forbidden] of cases) {
    it(`${forbidden ? 'refuses' : 'allows'} ${specifier} in ${file}`, async () => {
      expect(await restricted(file, specifier)).toBe(forbidden);
    });
  }
});
