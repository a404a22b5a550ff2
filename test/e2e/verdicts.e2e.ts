import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, ROOT } from './fixtures';
import { dropBytes, dropFiles, FIXTURES, nextPastQuestions, toEvidenceStep } from './helpers';

const SHOTS = join(ROOT, 'test-results', 'screenshots');

// Issue 8 journey (c): a healthy setup gets a clear all-good verdict.
test('a send log of healthy relaying gets a clear "No problem found"', async ({ window: page }, testInfo) => {
  await toEvidenceStep(page, /A line in a send or protocol log/);
  await dropFiles(page, [join(FIXTURES, 'smtp', 'SEND20240516-1.log')], /Drop zone/);
  await expect(page.getByRole('row', { name: /SEND20240516-1\.log/ }).getByText('SMTP log')).toBeVisible({ timeout: 30_000 });
  await nextPastQuestions(page);
  await expect(page.getByRole('heading', { level: 3, name: 'No problem found' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /Likely causes/ })).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, `healthy-${testInfo.project.name}.png`), fullPage: true });
});

// Issue 8 journey (d): bad files get localized errors while the rest is still analysed.
test('damaged and unknown files show their errors while the good file is still diagnosed', async ({ window: page }, testInfo) => {
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
  const truncated = page.getByRole('row', { name: /truncated\.cer/ });
  await expect(truncated.getByText('The file is damaged')).toBeVisible({ timeout: 30_000 });
  await expect(truncated.getByText(/truncated or corrupt/)).toBeVisible();
  await expect(page.getByRole('row', { name: /holiday\.jpg/ }).getByText('Not a format Relay Doctor reads')).toBeVisible();
  await expect(page.getByRole('row', { name: /leaf-only\.cer/ }).getByText('Read', { exact: true })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, `bad-files-${testInfo.project.name}.png`), fullPage: true });

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /does not send its intermediate certificates/ })).toBeVisible();
  // The two unreadable files are listed again below the verdict, folded away.
  await expect(page.getByText('Files that could not be read (2)')).toBeVisible();
});
