import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Three projects: pure and main-process code in Node, renderer components in jsdom, and the suites that read
// ../shared/corpus (run by .ci/run and `npm run test:corpus`; they skip loudly when the corpus is absent).
export default defineConfig({
  plugins: [svelte()],
  resolve: { conditions: ['browser'] },
  test: {
    projects: [
      {
        extends: true,
        resolve: { conditions: ['node'] },
        test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts', 'test/regressions/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'component', environment: 'jsdom', include: ['test/component/**/*.test.ts'] },
      },
      {
        extends: true,
        resolve: { conditions: ['node'] },
        test: { name: 'corpus', environment: 'node', include: ['test/corpus/**/*.test.ts'], testTimeout: 120_000 },
      },
    ],
  },
});
