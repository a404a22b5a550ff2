import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Builds the renderer alone into out/renderer, the same output electron.vite.config.ts produces, so the
// Playwright harness can run before (or without) the Electron build. Relative base: Electron loads file://.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) })],
  worker: { format: 'es' },
  build: { outDir: '../out/renderer', emptyOutDir: true, target: 'es2023' },
});
