import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, ROOT } from './fixtures';
import { dropBytes, dropFiles, FIXTURES, nextUntil, screenshotWholeStep, toEvidenceStep } from './helpers';

/**
 * The README's screenshots (docs/screenshots/*.png), taken from real journeys in the Chromium harness. They
 * are written only with UPDATE_SCREENSHOTS=1 (`UPDATE_SCREENSHOTS=1 npm run test:e2e -- readme-screenshots`),
 * so an ordinary run never changes files in the repository; each journey still checks what it shows.
 */
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const DOCS = join(ROOT, 'docs', 'screenshots');
const shot = (name: string) => ({ path: join(DOCS, `${name}.png`) });

/** The whole step, Back/Next at its foot as the window shows them. */
const wholeStep = (page: Page, name: string) => screenshotWholeStep(page, shot(name).path);

/** The export folder the saved-pack screenshot shows: a name an administrator would pick, not a random temp name. */
const PACKS = join(tmpdir(), 'Relay Doctor packs');

test.skip(!UPDATE, 'README screenshots are regenerated only with UPDATE_SCREENSHOTS=1');
test.beforeAll(() => mkdirSync(DOCS, { recursive: true }));
test.beforeEach(({ mode }) => test.skip(mode !== 'harness', 'taken in the Chromium harness only, so they do not change with the machine'));

test('findings, the chain gap and the saved fix pack for the KB 3212877 case', async ({ window: page, dialogs }) => {
  rmSync(PACKS, { recursive: true, force: true });
  mkdirSync(PACKS);
  dialogs.exportFolder = PACKS;
  await toEvidenceStep(page, /A non-delivery report/);
  await dropFiles(page, [join(FIXTURES, 'certs', 'leaf-only.cer')], /Drop zone/);
  await nextUntil(page, 'Findings');
  await expect(page.getByRole('heading', { level: 3, name: /does not send its intermediate certificates/ })).toBeVisible();
  await wholeStep(page, 'findings-kb3212877');

  await nextUntil(page, 'Certificate chain');
  const gap = page.getByRole('button', { name: /^Missing: Relay Doctor Test Issuing CA/ });
  await gap.click();
  await expect(page.getByRole('listitem').filter({ hasText: 'http://pki.relay-doctor.test/issuing.cer' })).toBeVisible();
  await wholeStep(page, 'chain-missing-intermediate');

  await nextUntil(page, 'Fix and export');
  await expect(page.getByRole('list', { name: 'Files in the fix pack' })).toContainText('fix.ps1', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Save fix pack…' }).click();
  await expect(page.getByRole('button', { name: 'Open folder' })).toBeVisible({ timeout: 30_000 });
  // The top of the step (files, paper, Save, Open folder); the previews below run for pages.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.getByText(`Saved 8 files to ${join(PACKS, 'relay-doctor-fixpack')}`)).toBeVisible();
  await page.screenshot(shot('fix-pack-saved'));
  rmSync(PACKS, { recursive: true, force: true });
});

test('bad files get their own errors while the good file is still read', async ({ window: page }) => {
  await toEvidenceStep(page, /Just check my certificate chain/);
  const leaf = readFileSync(join(FIXTURES, 'certs', 'leaf-only.cer'));
  await dropBytes(
    page,
    [
      { name: 'leaf-only.cer', bytes: leaf },
      { name: 'truncated.cer', bytes: leaf.subarray(0, 200) },
      { name: 'holiday.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]) },
    ],
    /Drop zone/,
  );
  await expect(page.getByRole('row', { name: /truncated\.cer/ }).getByText('The file is damaged')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('row', { name: /leaf-only\.cer/ }).getByText('Read', { exact: true })).toBeVisible();
  await wholeStep(page, 'bad-files');
});

test('your own root, trusted for the case', async ({ window: page }) => {
  await toEvidenceStep(page, /A non-delivery report/);
  await dropFiles(page, [join(FIXTURES, 'certs', 'chain-with-root.pem')], /Drop zone/);
  await nextUntil(page, 'Certificate chain');
  await page.getByRole('button', { name: 'Trust this root for this case' }).click();
  const root = page.getByRole('button', { name: /Relay Doctor Test Root CA.*you trusted this root/ });
  await root.click();
  await expect(page.getByText(/You trusted this root for this case/)).toBeVisible();
  await wholeStep(page, 'chain-trusted-root');
});

test.describe('in Czech', () => {
  test.use({ osLocale: 'cs-CZ' });
  test('the same diagnosis in Czech', async ({ window: page }) => {
    await page.getByRole('radio', { name: /Zprávu o nedoručení/ }).check();
    await page.getByRole('button', { name: 'Další' }).click();
    await dropFiles(page, [join(FIXTURES, 'certs', 'leaf-only.cer')], /Oblast pro přetažení/);
    await expect(page.getByRole('row', { name: /leaf-only\.cer/ }).getByText('Načteno')).toBeVisible({ timeout: 30_000 });
    // Evidence first, then the questions it left open, then the verdict.
    const findings = page.getByRole('heading', { level: 2, name: 'Zjištění' });
    for (let i = 0; i < 3 && !(await findings.isVisible()); i++) await page.getByRole('button', { name: 'Další', exact: true }).click();
    await expect(page.getByRole('heading', { level: 3, name: /Odesílající server neposílá své zprostředkující certifikáty/ })).toBeVisible();
    await wholeStep(page, 'findings-czech');
  });
});
