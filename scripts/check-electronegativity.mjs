#!/usr/bin/env node
// Security gate: runs electronegativity over the Electron sources (electron/) and, when built, over out/,
// writes a SARIF report per input, and fails on any HIGH or MEDIUM finding that is not listed with a
// reason in build/electronegativity-exceptions.json.
//
// Why the API and not only the SARIF file: electronegativity 1.10's SARIF output has no severity (its
// `level` only says whether manual review is needed), so the gate takes severity and confidence from the
// same run's structured results; the SARIF files are written for CI viewers. The CLI also exits 0 even
// when it finds problems, so its exit code cannot be the gate.
//
// Usage: node scripts/check-electronegativity.mjs [--out-dir <dir>]     (npm run security:electronegativity)
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const run = require('@doyensec/electronegativity');
const electronVersion = require('electron/package.json').version;

const GATED = new Set(['HIGH', 'MEDIUM']);
// Files whose Electron API use is what this gate is for: they must be analysable.
const MUST_PARSE = /^(electron\/(main|preload)|out\/(main|preload))\//;
// Newer syntax in bundles; electronegativity's own walker still rejects some (class private fields).
const PARSER_PLUGINS = ['classProperties', 'classPrivateProperties', 'classPrivateMethods', 'classStaticBlock', 'optionalChaining', 'nullishCoalescingOperator', 'topLevelAwait', 'importMeta'];

const outDirArg = process.argv.indexOf('--out-dir');
const outDir = outDirArg > 0 ? process.argv[outDirArg + 1] : mkdtempSync(join(tmpdir(), 'electronegativity-'));

const { exceptions } = JSON.parse(readFileSync(join(root, 'build/electronegativity-exceptions.json'), 'utf8'));
for (const e of exceptions) {
  if (!e.check || !Array.isArray(e.files) || typeof e.reason !== 'string' || e.reason.trim().length < 20) {
    console.error(`✗ exception ${JSON.stringify(e)} needs a check id, files and a reason (one or two sentences).`);
    process.exit(2);
  }
}
const used = new Set();
const excepted = (check, file) => {
  const hit = exceptions.find((e) => e.check === check && e.files.includes(file));
  if (hit) used.add(hit);
  return hit;
};

const inputs = ['electron', ...(existsSync(join(root, 'out/main')) ? ['out'] : [])];
if (inputs.length === 1) console.warn('! out/ is not built: only electron/ is checked (run `npm run build` first to include the bundles).');

let failures = 0;
for (const input of inputs) {
  const sarif = join(outDir, `${input}.sarif`);
  const result = await run({
    input: join(root, input),
    output: sarif,
    isSarif: true,
    isRelative: true,
    electronVersionOverride: electronVersion,
    parserPlugins: PARSER_PLUGINS,
    // This check downloads Electron's release list from the internet; Relay Doctor's CI has no network
    // beyond the package registries and must not try. Electron updates are tracked through npm instead.
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
  });
  console.log(`\n${input}/: ${result.globalChecks + result.atomicChecks} checks, ${result.issues.length} findings → ${sarif}`);

  for (const error of result.errors.filter((e) => !e.tolerable)) {
    const path = relative(root, resolve(error.file)).replace(/\\/g, '/');
    if (MUST_PARSE.test(path)) {
      console.error(`✗ not analysed: ${path}: ${error.message}`);
      failures++;
    } else {
      console.warn(`! not analysed (electronegativity cannot parse it): ${path}: ${error.message}`);
    }
  }

  for (const issue of result.issues) {
    const file = issue.file === 'N/A' ? 'N/A' : `${input}/${issue.file}`.replace(/\\/g, '/');
    const where = `${file}:${issue.location.line}`;
    const tag = `${issue.id} ${issue.severity.name}/${issue.confidence.name}`;
    if (!GATED.has(issue.severity.name)) {
      console.log(`  · ${tag} ${where} (below the gate)`);
    } else if (excepted(issue.id, file)) {
      console.log(`  ✓ ${tag} ${where} (accepted: see build/electronegativity-exceptions.json)`);
    } else {
      console.error(`  ✗ ${tag} ${where}: ${issue.description}`);
      failures++;
    }
  }
}

for (const e of exceptions) if (!used.has(e)) console.warn(`! stale exception (nothing matched it): ${e.check} ${e.files.join(', ')}`);

if (failures > 0) {
  console.error(`\nelectronegativity gate: ${failures} problem(s). Fix them, or document a reviewed exception.`);
  process.exitCode = 1;
} else {
  console.log('\nelectronegativity gate: passed.');
}
