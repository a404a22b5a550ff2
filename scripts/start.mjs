#!/usr/bin/env node
// `npm start`: get the Electron binary, build main + preload + renderer, launch the app.
//
// Electron ≥ 41 downloads its binary on the first `require('electron')`; where its download host is not
// reachable (the project's build machines, toolchain.md) that fails. Then this script says so plainly and
// points to what works without Electron (the CLI and the Chromium harness) instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Messages from the shell catalog in the user's language (simple `{name}` arguments only). */
function messages() {
  const tag = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
  const base = (tag ?? '').toLowerCase().replace('_', '-').split(/[-.@]/)[0];
  const dir = join(root, 'shared/i18n/locales');
  const lang = readdirSync(dir).includes(base) ? base : 'en';
  const load = (l) => JSON.parse(readFileSync(join(dir, l, 'menu.json'), 'utf8'));
  const catalog = { ...load('en'), ...load(lang) };
  return (key, params = {}) => (catalog[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}
const t = messages();

/** The Electron executable, or the reason it cannot be had. Resolved in a child so its download noise stays out. */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (probe.status === 0 && probe.stdout) return { path: probe.stdout };
  const lines = `${probe.stderr ?? ''}\n${probe.error?.message ?? ''}`.split('\n').map((l) => l.trim());
  // The first error printed is the download's own (e.g. "TypeError: fetch failed"); the last is the wrapper's.
  const errors = lines.filter((l) => /^[A-Za-z]*Error\b/.test(l));
  const reason = errors.length > 0 ? errors[0] : (lines.filter(Boolean).at(-1) ?? 'unknown');
  return { reason };
}

const electron = electronBinary();
if (!electron.path) {
  console.error(t('start.noElectron', { reason: electron.reason }));
  process.exit(1);
}

console.log(t('start.building'));
const { build } = await import('electron-vite');
try {
  await build({ root });
} catch (e) {
  console.error(e);
  console.error(t('start.buildFailed'));
  process.exit(1);
}

console.log(t('start.launching'));
// ELECTRON_RUN_AS_NODE would turn the app into a plain Node process (packaged builds ignore it via fuses).
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const app = spawn(electron.path, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
