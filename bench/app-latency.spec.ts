import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test, type Page } from '@playwright/test';
import { bindDiag } from '../test/e2e/harness/diag-binding';
import { serveStatic } from '../test/e2e/harness/static-server';
import { createHandlers, ROOT } from '../test/e2e/fixtures';
import { dropFiles, FIXTURES, toEvidenceStep } from '../test/e2e/helpers';

/*
 * The app's latency as a user meets it (issue 23 item 3), run by bench/app-latency.mjs: each build in
 * LATENCY_BUILDS ("name=renderer dir,…") is served by the harness (main's real handlers behind window.diag, as
 * in the e2e suite) and, run after run, alternately: loaded in a fresh context (launch → first interactive
 * screen), taken to the Evidence step, given one .cer (drop → analysis on screen), then Next (→ the verdict on
 * the Findings step). Every time is taken in the page (performance.now() at the event, then at the first
 * animation frame after the DOM shows the result), so Playwright's own polling adds nothing. Beside them in the
 * same run: a bare page from the same server, and the CLI analysing the same .cer.
 */

const CER = join(FIXTURES, 'certs', 'leaf-only.cer');
const CAUSE = 'The sending server does not send its intermediate certificates';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

interface Sample {
  build: string;
  /** Navigation start → the app's own mark (mounted), first contentful paint, and the first step on screen. */
  interactiveMark: number;
  firstPaint: number;
  firstScreen: number;
  /** Drop event → the row reads "Read" (analysis done and shown). */
  dropToAnalysed: number;
  /** Click on Next → the verdict's heading painted on the Findings step. */
  nextToVerdict: number;
}

/** In the page: resolves with performance.now() at the first frame after `test()` holds, watching the DOM. */
function watchInPage(page: Page, name: string, check: string): Promise<void> {
  return page.evaluate(
    ([key, source]) => {
      const w = window as unknown as { __latency?: Record<string, number> };
      w.__latency ??= {};
      const holds = new Function(`return (${source})`)() as () => boolean;
      const store = w.__latency;
      const done = (): void => void requestAnimationFrame(() => (store[key] = performance.now()));
      if (holds()) return done();
      const observer = new MutationObserver(() => {
        if (!holds()) return;
        observer.disconnect();
        done();
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    [name, check] as const,
  );
}

/** In the page: the time of the next `type` event anywhere (captured before the app sees it). */
function markEvent(page: Page, name: string, type: string): Promise<void> {
  return page.evaluate(
    ([key, event]) => {
      const w = window as unknown as { __latency?: Record<string, number> };
      const store = (w.__latency ??= {});
      window.addEventListener(event, () => (store[key] ??= performance.now()), { capture: true, once: true });
    },
    [name, type] as const,
  );
}

async function latency(page: Page, key: string): Promise<number> {
  await page.waitForFunction((k) => (window as unknown as { __latency?: Record<string, number> }).__latency?.[k] !== undefined, key, { timeout: 60_000, polling: 20 });
  return page.evaluate((k) => (window as unknown as { __latency: Record<string, number> }).__latency[k]!, key);
}

test('app latency', async () => {
  const builds = (process.env.LATENCY_BUILDS ?? `after=${join(ROOT, 'out', 'renderer')}`).split(',').map((b) => b.split('=') as [string, string]);
  const runs = Number(process.env.LATENCY_RUNS ?? '5');
  const settleMs = Number(process.env.LATENCY_SETTLE_MS ?? '1500');
  const servers = await Promise.all(builds.map(async ([name, dir]) => ({ name, server: await serveStatic(dir) })));
  const bare = mkdtempSync(join(tmpdir(), 'rd-bare-'));
  writeFileSync(join(bare, 'index.html'), '<!doctype html><html><body><p>bare</p></body></html>');
  const bareServer = await serveStatic(bare);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ARGS });
  const handlers = await createHandlers({
    pickExportFolder: async () => null,
    pickSavePath: async () => null,
    pickCasePath: async () => null,
    osLocale: () => 'en-US',
    confirmConnection: async () => false,
  });
  const samples: Sample[] = [];
  const barePaint: number[] = [];
  const cli: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      for (const { name, server } of servers) {
        const context = await browser.newContext({ locale: 'en-US' });
        const page = await context.newPage();
        await bindDiag(page, handlers);
        // Installed before any app script: the first frame with the first step's choices in it.
        await page.addInitScript(() => {
          const w = window as unknown as { __latency?: Record<string, number> };
          const store = (w.__latency ??= {});
          const observer = new MutationObserver(() => {
            if (!document.querySelector('input[type=radio]')) return;
            observer.disconnect();
            requestAnimationFrame(() => (store.firstScreen = performance.now()));
          });
          observer.observe(document, { subtree: true, childList: true });
        });
        await page.goto(server.url);
        await page.getByRole('radio', { name: /A non-delivery report/ }).waitFor();
        const load = await page.evaluate(() => ({
          mark: performance.getEntriesByName('relay-doctor:interactive')[0]?.startTime ?? NaN,
          paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        }));
        const firstScreen = await latency(page, 'firstScreen');
        await toEvidenceStep(page, /A non-delivery report/);
        // A user takes this long at least to choose a symptom and go on twice: the app may use it to warm up.
        await page.waitForTimeout(settleMs);
        await markEvent(page, 'drop', 'drop');
        await watchInPage(page, 'analysed', `() => [...document.querySelectorAll('tr')].some((r) => r.textContent.includes('leaf-only.cer') && r.textContent.includes('Read'))`);
        await dropFiles(page, [CER], /Drop zone/);
        const analysed = (await latency(page, 'analysed')) - (await latency(page, 'drop'));
        // The questions the certificate left open come first (test/e2e/kb3212877-journey.e2e.ts): a step the user
        // reads and leaves, so the time measured is its Next → the verdict.
        await page.getByRole('button', { name: 'Next' }).click();
        await page.getByRole('heading', { level: 2, name: 'Your environment' }).waitFor();
        await markEvent(page, 'next', 'click');
        await watchInPage(page, 'verdict', `() => [...document.querySelectorAll('h3')].some((h) => h.textContent.includes(${JSON.stringify(CAUSE)}))`);
        await page.getByRole('button', { name: 'Next' }).click();
        const verdict = (await latency(page, 'verdict')) - (await latency(page, 'next'));
        samples.push({ build: name, interactiveMark: load.mark, firstPaint: load.paint, firstScreen, dropToAnalysed: analysed, nextToVerdict: verdict });
        console.log(JSON.stringify(samples.at(-1)));
        await context.close();
      }
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(bareServer.url);
      barePaint.push(
        await page.evaluate(
          () => new Promise<number>((done) => new PerformanceObserver((list) => done(list.getEntries()[0]!.startTime)).observe({ type: 'paint', buffered: true })),
        ),
      );
      await context.close();
      const t0 = performance.now();
      // Its exit code says what it found (not 0 for a finding): only the time matters here.
      spawnSync(process.execPath, [join(ROOT, 'bin', 'relay-doctor.js'), 'analyze', CER, '--json'], { stdio: 'ignore' });
      cli.push(performance.now() - t0);
    }
  } finally {
    await browser.close();
    await Promise.all([...servers.map((s) => s.server.close()), bareServer.close()]);
  }
  const out = process.env.LATENCY_OUT ?? join(ROOT, 'bench', 'workloads', 'app-latency.json');
  writeFileSync(out, JSON.stringify({ samples, barePaint, cli, settleMs, cer: { name: 'leaf-only.cer', bytes: readFileSync(CER).length } }, null, 2));
});
