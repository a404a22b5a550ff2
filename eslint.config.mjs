// ESLint flat config. Besides the usual TypeScript and Svelte rules, it guards the process boundaries of
// architecture.md / style.md §3.9 per folder with no-restricted-imports, so "shared is pure" and "the
// preload is minimal" are checked by a tool rather than by review.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import { noRawText } from './build/eslint/no-raw-text.mjs';

const NODE_BUILTINS = ['fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'net', 'tls', 'http', 'https', 'url', 'util', 'stream', 'buffer', 'events', 'zlib', 'worker_threads'];

const builtinPaths = (message) => NODE_BUILTINS.map((name) => ({ name, message }));

/** The import rule for one folder: forbidden bare names plus forbidden path patterns. */
function boundary(files, { paths = [], patterns = [] }) {
  return { files, rules: { 'no-restricted-imports': ['error', { paths, patterns }] } };
}

export default tseslint.config(
  {
    ignores: ['out/', 'node_modules/', 'dist/', 'bench/workloads/', 'test-results/', 'playwright-report/', '.cache/', 'coverage/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
  },
  {
    // Every user-visible string comes from the i18n catalogs (DEVELOPERS.md).
    files: ['renderer/**/*.svelte'],
    plugins: { 'relay-doctor': { rules: { 'no-raw-text': noRawText } } },
    rules: { 'relay-doctor/no-raw-text': 'error' },
  },
  {
    rules: {
      // `_`-prefixed names are deliberately unused (callback signatures, ignored tuple slots).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Tagged templates are statements in the script writer (`w.line\`…\``): a call, not a stray expression.
      '@typescript-eslint/no-unused-expressions': ['error', { allowTaggedTemplates: true, allowShortCircuit: true, allowTernary: true }],
      // File-name, path and quoting validators must name control characters to refuse them.
      'no-control-regex': 'off',
      'no-console': 'off',
    },
  },
  {
    // A `let` bound late for a closure that reads it lazily is the intended pattern. (Not for .svelte:
    // `let { … } = $props()` is Svelte 5's idiom.)
    files: ['**/*.ts', '**/*.mts', '**/*.js', '**/*.mjs'],
    rules: { 'prefer-const': ['error', { ignoreReadBeforeAssign: true }] },
  },
  {
    // In rune modules the rule also flags plain local Sets and `new Date()` timestamps inside methods,
    // which are not state; components keep the rule.
    files: ['**/*.svelte.ts'],
    rules: { 'svelte/prefer-svelte-reactivity': 'off' },
  },
  // Globals per runtime (TypeScript itself checks names in .ts files; these matter for .js/.mjs/.svelte).
  { files: ['electron/**', 'scripts/**', 'build/**', 'bin/**', 'bench/**', 'test/**', '*.config.*', '.ci/**'], languageOptions: { globals: { ...globals.node } } },
  { files: ['renderer/**', 'test/component/**', 'test/e2e/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['shared/**'], languageOptions: { globals: { ...globals.worker } } },
  // Playwright fixtures that use no other fixture must still destructure their first argument.
  { files: ['test/e2e/**'], rules: { 'no-empty-pattern': 'off' } },

  // shared/ is pure: it runs in the renderer's worker, in Node and in tests alike.
  boundary(['shared/**'], {
    paths: [{ name: 'electron', message: 'shared/ is pure: no Electron.' }, ...builtinPaths('shared/ is pure: no Node built-ins.')],
    patterns: [
      { group: ['node:*'], message: 'shared/ is pure: no Node built-ins.' },
      { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ may not reach into electron/ or renderer/.' },
    ],
  }),
  // The ground floor (issue 17 item 9): the model and the domain readers and analyzers share the contracts in
  // shared/model and never import the engine that composes them, nor the diagnosis that reasons over them.
  boundary(['shared/model/**', 'shared/x509/**', 'shared/eventlog/**', 'shared/smtp/**', 'shared/settings/**', 'shared/zip/**'], {
    paths: [{ name: 'electron', message: 'shared/ is pure: no Electron.' }, ...builtinPaths('shared/ is pure: no Node built-ins.')],
    patterns: [
      { group: ['node:*'], message: 'shared/ is pure: no Node built-ins.' },
      { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ may not reach into electron/ or renderer/.' },
      { group: ['**/engine/*', '**/diagnosis/*'], message: 'Readers and analyzers build on shared/model only; the engine and the diagnosis build on them.' },
    ],
  }),
  // The renderer is a sandboxed web page: privileged work goes through window.diag.
  boundary(['renderer/**'], {
    paths: [{ name: 'electron', message: 'The renderer talks to main only through window.diag.' }, ...builtinPaths('The renderer has no Node.')],
    patterns: [
      { group: ['node:*'], message: 'The renderer has no Node.' },
      { group: ['**/electron/**'], message: 'The renderer may not import main-process code; use window.diag.' },
    ],
  }),
  // The preload is the bridge and nothing else: Electron's contextBridge/ipcRenderer and the contract.
  boundary(['electron/preload/**'], {
    patterns: [
      {
        regex: '^(?!electron$|\\./[\\w.-]+$|\\.\\./\\.\\./shared/ipc/contract$)',
        message: 'The preload may import only electron, its own folder and shared/ipc/contract.',
      },
    ],
  }),
  // Services run in plain Node too (CLI, test harness): never Electron.
  boundary(['electron/services/**', 'electron/cli/**'], {
    paths: [{ name: 'electron', message: 'electron/services and the CLI run in plain Node: inject what you need from main.' }],
    patterns: [{ regex: '^(\\.\\./)+(electron/)?main/|/electron/main/', message: 'Services may not depend on main.' }],
  }),
);
