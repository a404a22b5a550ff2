import { test as base, expect, _electron, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { pemToDerBase64, runtimeTrustAnchors } from '../../electron/services/trust-store';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { HandlerDeps, Handlers } from '../../electron/main/ipc/handlers';
import type { ConnectionConsentRequest } from '../../electron/main/consent/connection-consent';
import { bindDiag } from './harness/diag-binding';
import { installBundlerImports } from './harness/bundler-imports';
import { serveStatic } from './harness/static-server';
import { electronBinary } from './harness/electron-binary';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER = join(ROOT, 'out', 'renderer');

/** What the native dialogs answer in a test: the only part of main that is not real. */
export interface DialogAnswers {
  /** Folder the export picker returns (`null` = cancelled). Defaults to a fresh temp folder. */
  exportFolder: string | null;
  /** Path the case save dialog returns (`null` = cancelled). Defaults to case.json in the temp folder. */
  caseSavePath: string | null;
  /** Path the case open dialog returns (`null` = cancelled). */
  caseOpenPath: string | null;
}

export type AppMode = 'harness' | 'electron';

/**
 * How the user answers main's own connection consent (electron/main/consent/) in a test. Playwright cannot
 * click a native dialog, so the answer is injected into main's real `confirmConnection` dependency: the
 * handlers still ask, with the same request the app's dialog would show, and act on the answer. The default
 * is 'cancel' — nothing connects unless a spec opts in with `test.use({ connectionConsent: 'connect' })`.
 */
export type ConsentAnswer = 'connect' | 'cancel';

let handlersModule: Promise<typeof import('../../electron/main/ipc/handlers')> | null = null;

/**
 * Main's real handlers, loaded natively. They are written for a bundler (JSON named imports, Vite's
 * import.meta.glob), so module hooks give those imports the bundler's shape first (harness/bundler-imports.ts).
 */
export async function createHandlers(deps: HandlerDeps): Promise<Handlers> {
  handlersModule ??= (async () => {
    installBundlerImports();
    return import('../../electron/main/ipc/handlers');
  })();
  return (await handlersModule).createHandlers(deps);
}

interface TestFixtures {
  /** The app window, from the Chromium harness or from Electron: specs cannot tell which. */
  window: Page;
  dialogs: DialogAnswers;
  /** OS language the app sees on first run (app:info osLocale and navigator.language). */
  osLocale: string;
  connectionConsent: ConsentAnswer;
  /** Every consent main asked for in this test, in order (harness only: Electron's dialog is answered in main). */
  consentAsked: ConnectionConsentRequest[];
  /** Every folder main's "Open folder" handed to the file manager (harness only: shell.openPath's stand-in). */
  foldersOpened: string[];
  /**
   * PEM roots main's trust:anchors answer adds to the runtime's (harness only): a scenario's private root
   * standing for a root of Microsoft's program, as the CLI's --trust does.
   */
  trustedRoots: string[];
  /**
   * The page's clock, fixed at this instant (ISO), for journeys on scenario certificates that are valid at
   * the scenario's own date and would expire under the real clock one day. Timers keep running.
   */
  clockAt: string | null;
}

interface WorkerFixtures {
  mode: AppMode;
  rendererUrl: string;
  /** Chromium for the harness; null in the electron project, which must not launch a browser at all. */
  harnessBrowser: Browser | null;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  mode: ['harness', { option: true, scope: 'worker' }],
  osLocale: ['en-US', { option: true }],
  connectionConsent: ['cancel', { option: true }],
  consentAsked: async ({}, use) => use([]),
  foldersOpened: async ({}, use) => use([]),
  trustedRoots: [[], { option: true }],
  clockAt: [null, { option: true }],

  rendererUrl: [
    async ({ mode }, use) => {
      if (mode !== 'harness') return use('');
      const server = await serveStatic(RENDERER);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],

  harnessBrowser: [
    async ({ mode, playwright, launchOptions }, use) => {
      if (mode !== 'harness') return use(null);
      const browser = await playwright.chromium.launch({ ...launchOptions, headless: true });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  dialogs: async ({}, use) => {
    const folder = mkdtempSync(join(tmpdir(), 'relay-doctor-e2e-'));
    await use({ exportFolder: folder, caseSavePath: join(folder, 'case.json'), caseOpenPath: null });
    rmSync(folder, { recursive: true, force: true });
  },

  window: async ({ mode, rendererUrl, harnessBrowser, dialogs, osLocale, connectionConsent, consentAsked, foldersOpened, trustedRoots, clockAt }, use, testInfo) => {
    if (mode === 'electron') {
      const binary = electronBinary(ROOT);
      if (!binary.ok) {
        console.warn(`[e2e] electron project skipped: ${binary.reason}`);
        testInfo.skip(true, binary.reason);
        return;
      }
      // A fresh profile per test, as the harness gets a fresh browser context: no remembered language.
      const profile = mkdtempSync(join(tmpdir(), 'relay-doctor-profile-'));
      const app: ElectronApplication = await _electron.launch({
        args: ['.', `--user-data-dir=${profile}`],
        cwd: ROOT,
        executablePath: binary.path,
      });
      // Native dialogs are the one thing a test cannot click: answer them from main.
      await app.evaluate(({ dialog }, answers) => {
        dialog.showOpenDialog = (async (...args: unknown[]) => {
          const options = args[args.length - 1] as { properties?: string[]; filters?: Array<{ extensions: string[] }> };
          const dir = options.properties?.includes('openDirectory');
          const isCase = options.filters?.[0]?.extensions.join() === 'json';
          const one = (p: string | null): string[] => (p ? [p] : []);
          // Browse… is a file input, answered by Playwright's file chooser, not by this dialog.
          const paths = dir ? one(answers.exportFolder) : isCase ? one(answers.caseOpenPath) : [];
          return { canceled: paths.length === 0, filePaths: paths };
        }) as typeof dialog.showOpenDialog;
        dialog.showSaveDialog = (async () => ({
          canceled: answers.caseSavePath === null,
          filePath: answers.caseSavePath ?? '',
        })) as unknown as typeof dialog.showSaveDialog;
        // Main's question boxes (connection consent, opening a link) put the go-ahead first: answer them all alike.
        dialog.showMessageBox = (async () => ({ response: answers.consent === 'connect' ? 0 : 1, checkboxChecked: false })) as typeof dialog.showMessageBox;
      }, { ...dialogs, consent: connectionConsent });
      const page = await app.firstWindow();
      if (clockAt) {
        await page.clock.setFixedTime(new Date(clockAt));
        await page.reload();
      }
      await use(page);
      await app.close();
      rmSync(profile, { recursive: true, force: true });
      return;
    }
    if (!harnessBrowser) throw new Error('harness mode without a browser');
    const context = await harnessBrowser.newContext({ locale: osLocale });
    const page = await context.newPage();
    const handlers = await createHandlers({
      pickExportFolder: async () => dialogs.exportFolder,
      pickSavePath: async () => dialogs.caseSavePath,
      pickCasePath: async () => dialogs.caseOpenPath,
      osLocale: () => osLocale,
      openPath: async (folder) => {
        foldersOpened.push(folder);
        return '';
      },
      ...(trustedRoots.length > 0
        ? {
            trustAnchors: () => [
              ...runtimeTrustAnchors(),
              // As this computer's store: the contract's anchors are the runtime's (mozilla) or the OS's (system).
              ...trustedRoots.flatMap((path) => pemToDerBase64(readFileSync(path, 'utf8')).map((derBase64) => ({ derBase64, store: 'system' as const }))),
            ],
          }
        : {}),
      confirmConnection: async (request) => {
        consentAsked.push(request);
        return connectionConsent === 'connect';
      },
    });
    await bindDiag(page, handlers);
    page.on('pageerror', (e) => console.error(`[renderer] ${e.message}`));
    if (clockAt) await page.clock.setFixedTime(new Date(clockAt));
    await page.goto(rendererUrl);
    await use(page);
    await context.close();
  },
});

export { expect };
