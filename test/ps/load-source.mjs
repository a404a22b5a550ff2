// Loads a TypeScript module of the repository from source through Vite's SSR loader, as vitest does: the
// catalogs are merged with import.meta.glob (shared/i18n/catalog.ts), which only Vite understands.
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

export async function loadFromSource(path) {
  const server = await createServer({ root, configFile: false, logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false, watch: null }, optimizeDeps: { noDiscovery: true, include: [] } });
  try {
    return await server.ssrLoadModule(path);
  } finally {
    await server.close();
  }
}

/** Runs fn with the module loaded and the server still open (the module's own lazy imports need it). */
export async function withSource(path, fn) {
  const server = await createServer({ root, configFile: false, logLevel: 'error', appType: 'custom', server: { middlewareMode: true, hmr: false, watch: null }, optimizeDeps: { noDiscovery: true, include: [] } });
  try {
    return await fn(await server.ssrLoadModule(path));
  } finally {
    await server.close();
  }
}
