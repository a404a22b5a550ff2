#!/usr/bin/env node
// `relay-doctor analyze --json` on one file, from source (the engine through Vite's loader, as the unit tests
// run it): the Pester collector round trip reads the zip collect-evidence.ps1 wrote. Prints the report.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { withSource } from './load-source.mjs';

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node test/ps/analyze.mjs <file>');
  process.exit(2);
}
await withSource('/shared/engine/run.ts', async ({ runAnalysis }) => {
  const run = await runAnalysis([{ name: basename(file), bytes: new Uint8Array(readFileSync(file)) }], {
    locale: 'en',
    now: new Date(),
    trustAnchors: [],
    generatedAt: new Date(),
  });
  process.stdout.write(JSON.stringify({ report: run.report, evidence: run.evidence.map((e) => ({ kind: e.kind, source: e.source })) }) + '\n');
});
