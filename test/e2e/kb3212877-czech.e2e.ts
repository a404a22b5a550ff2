import { join } from 'node:path';
import { test, expect, ROOT } from './fixtures';
import { dropFiles, FIXTURES } from './helpers';

const SHOTS = join(ROOT, 'test-results', 'screenshots');

// Issue 8 journey (e): the KB 3212877 path in Czech, on a machine whose OS language is Czech.
test.use({ osLocale: 'cs-CZ' });

test('in Czech, a leaf-only certificate leads to the cause and a gap in the chain', async ({ window: page }, testInfo) => {
  await expect(page.getByRole('heading', { level: 2, name: 'Co vidíte?' })).toBeVisible();
  await page.getByRole('radio', { name: /Zprávu o nedoručení/ }).check();
  await page.getByRole('button', { name: 'Další' }).click();
  await dropFiles(page, [join(FIXTURES, 'certs', 'leaf-only.cer')], /Oblast pro přetažení/);
  await expect(page.getByRole('row', { name: /leaf-only\.cer/ }).getByText('Načteno')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Další' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Vaše prostředí' })).toBeVisible();
  await page.getByRole('button', { name: 'Další' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /Odesílající server neposílá své zprostředkující certifikáty/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Shromáždit další podklady/ })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, `findings-cs-${testInfo.project.name}.png`), fullPage: true });
  await page.getByRole('button', { name: 'Další', exact: true }).click();
  await expect(page.getByRole('button', { name: /^Chybí: Relay Doctor Test Issuing CA/ })).toBeVisible();
  await expect(page.getByText(/Neúplný řetěz/)).toBeVisible();
  await page.screenshot({ path: join(SHOTS, `chain-cs-${testInfo.project.name}.png`), fullPage: true });
});
