import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';
import pkg from './package.json' with { type: 'json' };

// The `relay-doctor` command: one ESM bundle for Node with the pure dependencies inside it. Packages that
// read files of their own at run time stay external: pdfkit (font metrics beside its code) and the DejaVu
// fonts package.
const RUNTIME_FILE_READERS = ['pdfkit', 'dejavu-fonts-ttf'];
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...RUNTIME_FILE_READERS.filter((name) => name in (pkg.dependencies ?? {})),
].map((name) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/.*)?$`));

export default defineConfig({
  build: {
    // Two entries: the command, and the script its reader threads run (electron/cli/parallel-read.ts).
    ssr: true,
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    rollupOptions: {
      external,
      input: { index: 'electron/cli/index.ts', 'read-worker': 'electron/cli/read-worker.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  ssr: { noExternal: true },
});
