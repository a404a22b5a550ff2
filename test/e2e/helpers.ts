import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
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
