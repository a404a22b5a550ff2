import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Three projects: pure and main-process code in Node, renderer components in jsdom, and the suites that read
// ../shared/corpus (run by .ci/run and `npm run test:corpus`; they skip loudly when the corpus is absent).
// No test may depend on the machine's speed (issue 19 item 6: a threaded read timed out at Vitest's default
// 5 s on a busy two-core machine): the timeout is a guard against a hang, set far above any honest run.
// Timings and memory peaks belong to bench/ (run from .ci/run), never to npm test.
const HANG_GUARD_MS = 180_000;
export default defineConfig({
  plugins: [svelte()],
  resolve: { conditions: ['browser'] },
  test: {
    projects: [
      {
        extends: true,
        resolve: { conditions: ['node'] },
        test: { name: 'unit', environment: 'node', testTimeout: HANG_GUARD_MS, hookTimeout: HANG_GUARD_MS, include: ['test/unit/**/*.test.ts', 'test/regressions/**/*.test.ts', 'test/scenarios/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'component', environment: 'jsdom', testTimeout: HANG_GUARD_MS, hookTimeout: HANG_GUARD_MS, include: ['test/component/**/*.test.ts'] },
      },
      {
        extends: true,
        resolve: { conditions: ['node'] },
        test: { name: 'corpus', environment: 'node', include: ['test/corpus/**/*.test.ts'], testTimeout: 120_000 },
      },
    ],
  },
});
