import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import { test, expect, ROOT } from './fixtures';

const SHOTS = join(ROOT, 'test-results', 'screenshots');

// Issue 10 item 4: Help ▸ About shows the versions main reports; keyboard users close it with Escape.
test('the About menu command opens an accessible About view with app:info versions; Escape closes it', async ({ window: page, mode }, testInfo) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Relay Doctor' })).toBeVisible();
  // The harness stands in for main's webContents.send; in Electron the Help menu item sends it.
  if (mode === 'harness') await page.evaluate(() => (window as unknown as { __diagEmit(e: string, p: unknown): void }).__diagEmit('menu:command', { command: 'about' }));
  const dialog = page.getByRole('dialog', { name: 'About Relay Doctor' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/^Version \d+\.\d+\.\d+/)).toBeVisible();
  // In the harness app:info runs in Node: its versions are this Node's.
  await expect(dialog.getByText(process.versions.node, { exact: true })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `about-${testInfo.project.name}.png`) });

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
