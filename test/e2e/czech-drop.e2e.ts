import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, ROOT } from './fixtures';
import { dropFiles, FIXTURES, interactiveMark } from './helpers';

const SHOTS = join(ROOT, 'test-results', 'screenshots');

test('loads, switches to Czech, and lists two dropped files with Czech labels', async ({ window: page }, testInfo) => {
  // Time to first interactive screen: from navigation start until the first step accepts input.
  const started = Date.now();
  await page.reload();
  const firstChoice = page.getByRole('radio', { name: /Just check my certificate chain/ });
  await expect(firstChoice).toBeEnabled();
  const wallMs = Date.now() - started;
  const markMs = await interactiveMark(page);
  testInfo.annotations.push({ type: 'first-interactive-ms', description: `${wallMs} (app mark ${markMs?.toFixed(0)})` });
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'test-results', `first-interactive-${testInfo.project.name}.json`),
    JSON.stringify({ wallMs, appMarkMs: markMs }, null, 2),
  );

  await page.getByRole('combobox', { name: 'Language' }).selectOption('cs');
  await expect(page.getByRole('heading', { level: 2, name: 'Co vidíte?' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cs');

  await page.getByRole('radio', { name: /Jen zkontrolovat řetěz certifikátů/ }).check();
  // Evidence first; checking a chain asks no questions at all (issue 21 item 1).
  await page.getByRole('button', { name: 'Další', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Podklady' })).toBeVisible();

  const dropStarted = Date.now();
  await dropFiles(
    page,
    [join(FIXTURES, 'certs', 'leaf-only.cer'), join(FIXTURES, 'smtp', 'exchange-send-5.7.64-cert-sent.log')],
    /Oblast pro přetažení/,
  );
  const table = page.getByRole('table', { name: 'Přidány 2 položky' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Rozpoznaný typ' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Velikost' })).toBeVisible();
  for (const name of ['leaf-only.cer', 'exchange-send-5.7.64-cert-sent.log']) {
    const row = table.getByRole('row', { name: new RegExp(name.replace(/\./g, '\\.')) });
    // Read or not depends on which readers are registered; either way the status is in Czech.
    await expect(row.getByText(/^(Načteno|Nenačteno)$/)).toBeVisible();
  }
  testInfo.annotations.push({ type: 'drop-to-listed-ms', description: String(Date.now() - dropStarted) });
  await expect(page.getByRole('button', { name: 'Další', exact: true })).toBeEnabled();

  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `evidence-cs-${testInfo.project.name}.png`), fullPage: true });
});
