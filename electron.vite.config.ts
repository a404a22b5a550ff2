import { resolve } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';

// Three bundles (style.md §3.1): main (ESM, like the package), a sandboxed preload, and the Svelte renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve('electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() from node_modules: bundle everything into one file, and make
      // it CommonJS (`.cjs`, because package.json says "type": "module"), which is all a sandbox can load.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [svelte({ configFile: resolve('svelte.config.js') })],
    // The .msg NDR reader (@kenjiuno/msgreader → iconv-lite → safer-buffer) needs Node's `buffer`; in the
    // analysis worker Vite would stub it out and the whole worker would fail to start. Use the npm polyfill.
    resolve: { alias: { buffer: 'buffer/' } },
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
