import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { dropFiles, FIXTURES } from './helpers';

// Issue 8 item 5: long Czech strings wrap instead of breaking the layout, down to a narrow window.
test.use({ osLocale: 'cs-CZ' });

const STEPS = ['Co vidíte?', 'Podklady', 'Vaše prostředí', 'Zjištění', 'Řetěz certifikátů', 'Oprava a export'];

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('no step scrolls sideways in Czech at 720 px', async ({ window: page }) => {
  await page.setViewportSize({ width: 720, height: 900 });
  for (const [i, heading] of STEPS.entries()) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    if (i === 0) await page.getByRole('radio', { name: /Zprávu o nedoručení/ }).check();
    if (heading === 'Podklady') {
      await dropFiles(
        page,
        [join(FIXTURES, 'certs', 'leaf-only.cer'), join(FIXTURES, 'smtp', 'exchange-send-5.7.64-cert-sent.log')],
        /Oblast pro přetažení/,
      );
      await expect(page.getByRole('button', { name: 'Další', exact: true })).toBeEnabled({ timeout: 30_000 });
    }
    if (heading === 'Zjištění') for (const s of await page.locator('details > summary').all()) await s.click();
    if (heading === 'Oprava a export') {
      await expect(page.getByRole('list', { name: 'Soubory v opravném balíčku' })).toBeVisible({ timeout: 30_000 });
    }
    expect(await overflow(page), `step "${heading}" overflows sideways`).toBeLessThanOrEqual(0);
    if (i < STEPS.length - 1) await page.getByRole('button', { name: 'Další', exact: true }).click();
  }
});
