import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../../../../electron.vite.config';

type Output = { format?: string; entryFileNames?: string };

describe('electron.vite.config.ts', () => {
  it('builds the preload as one self-contained CommonJS file, which is all a sandboxed preload can load', () => {
    const build = config.preload?.build;
    expect(build?.outDir).toBe('out/preload');
    expect(build?.externalizeDeps).toBe(false);
    const output = build?.rollupOptions?.output as Output;
    expect(output.format).toBe('cjs');
    expect(output.entryFileNames).toMatch(/\.cjs$/);
  });

  it('puts main, preload and renderer where main looks for them', () => {
    expect(config.main?.build?.outDir).toBe('out/main');
    expect(config.renderer?.root).toBe('renderer');
    expect(String(config.renderer?.build?.outDir)).toMatch(/out[\\/]renderer$/);
  });
});

// The built bundle, when present (npm run build): it may require nothing but electron.
const built = 'out/preload/index.cjs';
if (!existsSync(built)) console.warn(`${built} is not built; its require() check is skipped (run npm run build).`);
describe.skipIf(!existsSync(built))('out/preload/index.cjs', () => {
  it('requires only electron', () => {
    const requires = [...readFileSync(built, 'utf8').matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
  });
});
