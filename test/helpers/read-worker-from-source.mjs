// The CLI's reader thread run from the TypeScript source, for tests: jiti compiles it on the fly (the built
// CLI runs out/cli/read-worker.js instead). workerData is the thread's own, so the script serves reads.
import { createJiti } from 'jiti';

await createJiti(import.meta.url).import('../../electron/cli/read-worker.ts');
