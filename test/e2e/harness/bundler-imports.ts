import { readFileSync, readdirSync, statSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * Module hooks for the e2e harness only. The harness loads main's IPC handlers natively (through
 * Playwright's TypeScript loader), but that code, and the shared/ code it reaches, is written for a bundler:
 *  1. JSON imports with named exports (`import { version } from '../../package.json'`): Node's JSON modules
 *     have only a default export and demand `with { type: 'json' }`.
 *  2. Vite's eager `import.meta.glob(pattern, { eager: true, import: 'default' })` (the i18n catalogs; the
 *     only form shared/ uses, see shared/types/import-meta.d.ts).
 * These hooks give both the shape electron-vite and Vitest give them, so the harness runs the same code.
 */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const GLOB_CALL = /import\.meta\.glob(?:<[^>]*>)?\(\s*(['"])([^'"]+)\1\s*,\s*\{\s*eager:\s*true\s*,\s*import:\s*(['"])default\3\s*,?\s*\}\s*\)/g;

function jsonModule(url: string): string {
  const data: unknown = JSON.parse(readFileSync(new URL(url), 'utf8'));
  const named =
    data && typeof data === 'object' && !Array.isArray(data)
      ? Object.keys(data)
          .filter((k) => IDENTIFIER.test(k) && k !== 'default')
          .map((k) => `export const ${k} = data[${JSON.stringify(k)}];`)
      : [];
  return [`const data = ${JSON.stringify(data)};`, 'export default data;', ...named].join('\n');
}

/** Expands a relative pattern whose segments are names with `*` wildcards (what shared/ uses), sorted. */
function expand(baseDir: string, pattern: string): string[] {
  let paths = ['.'];
  for (const segment of pattern.replace(/^\.\//, '').split('/')) {
    const re = new RegExp(`^${segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    paths = paths.flatMap((p) => {
      const dir = join(baseDir, p);
      if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return [];
      return readdirSync(dir)
        .filter((n) => re.test(n))
        .map((n) => (p === '.' ? n : `${p}/${n}`));
    });
  }
  return paths.sort().map((p) => `./${p}`);
}

function inlineGlobs(source: string, url: string): string {
  const baseDir = dirname(fileURLToPath(url));
  return source.replace(GLOB_CALL, (_all, _q, pattern: string) => {
    const entries = expand(baseDir, pattern).map(
      (p) => `${JSON.stringify(p)}: ${JSON.stringify(JSON.parse(readFileSync(join(baseDir, p), 'utf8')))}`,
    );
    return `({${entries.join(',')}})`;
  });
}

let installed = false;

/**
 * Installs the hooks in this thread. Synchronous hooks run last-registered first, so installing them after
 * Playwright's TypeScript hook lets them post-process its output.
 */
export function installBundlerImports(): void {
  if (installed) return;
  installed = true;
  registerHooks({
    load(url, context, nextLoad) {
      if (url.startsWith('file:') && url.endsWith('.json')) {
        return { format: 'module', source: jsonModule(url), shortCircuit: true };
      }
      const result = nextLoad(url, context);
      if (!url.startsWith('file:') || url.includes('/node_modules/') || result.source == null) return result;
      const source = typeof result.source === 'string' ? result.source : Buffer.from(result.source as Uint8Array).toString('utf8');
      return source.includes('import.meta.glob') ? { ...result, source: inlineGlobs(source, url) } : result;
    },
  });
}
