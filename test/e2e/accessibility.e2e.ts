import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { dropFiles, FIXTURES } from './helpers';

// Evidence first, then the questions it left open (issue 21 item 1).
const STEP_HEADINGS = ['What do you see?', 'Evidence', 'Your environment', 'Findings', 'Certificate chain', 'Fix and export'];

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`has no serious or critical axe violation on any step (${scheme})`, async ({ window: page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [i, heading] of STEP_HEADINGS.entries()) {
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
      if (heading === 'What do you see?') {
        await page.getByRole('radio', { name: /A non-delivery report/ }).check();
      }
      if (heading === 'Evidence') {
        await dropFiles(page, [join(FIXTURES, 'certs', 'leaf-only.cer'), join(FIXTURES, 'certs', 'chain-with-root.pem')], /Drop zone/);
        await expect(page.getByRole('table', { name: '2 items added' })).toBeVisible();
        // Chain building against the runtime's roots happens in the worker; allow for a slow shared machine.
        await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled({ timeout: 30_000 });
      }
      if (heading === 'Findings') {
        // Expanded findings are part of what must be accessible.
        for (const summary of await page.locator('details > summary').all()) await summary.click();
      }
      if (heading === 'Certificate chain') {
        const node = page.getByRole('button', { name: /Server certificate/ }).first();
        if (await node.count()) await node.click();
      }
      if (heading === 'Fix and export') {
        // The guide and script previews are what this step is about: check them, not the loading text.
        await expect(page.getByRole('list', { name: 'Files in the fix pack' })).toBeVisible({ timeout: 30_000 });
      }
      expect(await seriousViolations(page), `step ${i + 1} "${heading}" in ${scheme}`).toEqual([]);
      if (i < STEP_HEADINGS.length - 1) await page.getByRole('button', { name: 'Next' }).click();
    }
  });
}

test('reaches every step with the keyboard alone', async ({ window: page }) => {
  // Tab to the first symptom, choose it with Space, then Tab to Next and press Enter.
  await page.keyboard.press('Tab');
  let guard = 0;
  while (!(await page.getByRole('radio', { name: /A non-delivery report/ }).evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press('Tab');
    if (++guard > 30) throw new Error('symptom radio is not reachable with Tab');
  }
  await page.keyboard.press('Space');
  const next = page.getByRole('button', { name: 'Next' });
  guard = 0;
  while (!(await next.evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press('Tab');
    if (++guard > 30) throw new Error('Next is not reachable with Tab');
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Evidence' })).toBeFocused();
});
