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
    ssr: 'electron/cli/index.ts',
    outDir: 'out/cli',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    rollupOptions: { external, output: { format: 'es', entryFileNames: 'index.js' } },
  },
  ssr: { noExternal: true },
});
