#!/usr/bin/env node
// Entry of the `relay-doctor` command: runs the bundle built by `npm run build` (out/cli).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../out/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('relay-doctor: not built yet. Run `npm ci && npm run build` in the repository first.\n');
  process.exit(2);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, readWorker: new URL('../out/cli/read-worker.js', import.meta.url) });
