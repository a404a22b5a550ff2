import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import pkg from './package.json' with { type: 'json' };

// The `relay-doctor` command: one ESM bundle for Node. Runtime dependencies stay external (they are
// installed beside it, and pdfkit reads its font metrics from its own folder at run time).
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies ?? {}),
].map((name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/.*)?$`));

export default defineConfig({
  build: {
    ssr: 'electron/cli/index.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    rollupOptions: { external, output: { format: 'es', entryFileNames: 'index.js' } },
  },
  ssr: { noExternal: true },
});
