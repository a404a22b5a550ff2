import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { ROOT } from './fixtures';

export const FIXTURES = join(ROOT, 'test', 'fixtures');

/**
 * Drops files on the drop zone the way Chromium delivers a real drag from the desktop: a `drop` event
 * carrying a DataTransfer with File items.
 */
export async function dropFiles(page: Page, paths: string[], zoneName: RegExp): Promise<void> {
  const files = paths.map((p) => ({ name: basename(p), base64: readFileSync(p).toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files);
  await page.getByRole('region', { name: zoneName }).dispatchEvent('drop', { dataTransfer: transfer });
}

/** The app's own mark for "mounted and interactive", in ms since navigation start. */
export async function interactiveMark(page: Page): Promise<number | null> {
  return page.evaluate(() => performance.getEntriesByName('relay-doctor:interactive')[0]?.startTime ?? null);
}

/** Drops in-memory files (made by the test, such as a truncated certificate) on the drop zone. */
export async function dropBytes(page: Page, files: Array<{ name: string; bytes: Uint8Array }>, zoneName: RegExp): Promise<void> {
  const list = files.map((f) => ({ name: f.name, base64: Buffer.from(f.bytes).toString('base64') }));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const f of items) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, list);
  await page.getByRole('region', { name: zoneName }).dispatchEvent('drop', { dataTransfer: transfer });
}

/** Chooses a symptom on the Start step and goes on to the Evidence step, which comes first (English UI). */
export async function toEvidenceStep(page: Page, symptom: RegExp): Promise<void> {
  await page.getByRole('radio', { name: symptom }).check();
  await page.getByRole('button', { name: 'Next' }).click();
}

/**
 * From the Evidence step of a failure path (NDR, log line, event) to Findings: the questions the evidence
 * left open come in between (no evidence answers "recently renewed?"), and are left as they are.
 */
export async function nextPastQuestions(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your environment' })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
}

/**
 * Presses Next until the step titled `heading` shows (English UI), however many steps lie between: journeys
 * name where they go, not how far, so they hold when steps are reordered.
 */
export async function nextUntil(page: Page, heading: string): Promise<void> {
  const target = page.getByRole('heading', { level: 2, name: heading });
  for (let i = 0; i < 8 && !(await target.isVisible()); i++) {
    const next = page.getByRole('button', { name: 'Next', exact: true });
    await expect(next).toBeEnabled({ timeout: 30_000 });
    await next.click();
  }
  await expect(target).toBeVisible();
}

/**
 * A screenshot of the whole step as one tall window shows it: the viewport is stretched to the page's height
 * first, because a full-page capture of a short window leaves the sticky Back/Next bar over the content.
 */
export async function screenshotWholeStep(page: Page, path: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.screenshot({ path });
  await page.setViewportSize(size);
}

/**
 * Waits until the renderer's autosave (IndexedDB 'relay-doctor' ▸ 'cases' ▸ 'current', renderer/src/lib/case-storage.ts)
 * holds a case with these evidence names, so a reload that follows finds it instead of racing its timer.
 */
export async function autosavedNames(page: Page, names: string[]): Promise<void> {
  const read = () =>
    page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('relay-doctor', 1);
          open.onerror = () => resolve([]);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('cases')) return resolve([]);
            const get = db.transaction('cases', 'readonly').objectStore('cases').get('current');
            get.onerror = () => resolve([]);
            get.onsuccess = () => resolve(((get.result as { items?: Array<{ name: string }> } | undefined)?.items ?? []).map((i) => i.name));
          };
        }),
    );
  await expect.poll(read, { timeout: 15_000 }).toEqual(names);
}
