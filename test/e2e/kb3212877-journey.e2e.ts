import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, ROOT } from './fixtures';
import { dropFiles, FIXTURES } from './helpers';
import { parsesAsPowerShell } from './harness/powershell-syntax';

const SHOTS = join(ROOT, 'test-results', 'screenshots');

// Issue 8 journey (a), certificate part: the server's certificate alone, its issuing CA not sent.
test('a leaf-only certificate leads to "intermediates not sent", a gap in the chain and a saved report', async ({
  window: page,
  dialogs,
}, testInfo) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.getByRole('radio', { name: /A non-delivery report/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();

  const dropped = Date.now();
  await dropFiles(page, [join(FIXTURES, 'certs', 'leaf-only.cer')], /Drop zone/);
  const next = page.getByRole('button', { name: 'Next' });
  await expect(next).toBeEnabled({ timeout: 30_000 });
  const analysedMs = Date.now() - dropped;
  await expect(page.getByRole('row', { name: /leaf-only\.cer/ }).getByText('Certificates')).toBeVisible();
  await next.click();
  // The questions the certificate left open, left unanswered.
  await expect(page.getByRole('heading', { level: 2, name: 'Your environment' })).toBeVisible();
  await next.click();
  const cause = page.getByRole('heading', { level: 3, name: /The sending server does not send its intermediate certificates/ });
  await expect(cause).toBeVisible();
  const findingsMs = Date.now() - dropped;
  testInfo.annotations.push({ type: 'drop-to-findings-ms', description: `${findingsMs} (analysis done after ${analysedMs})` });
  writeFileSync(
    join(ROOT, 'test-results', `drop-to-findings-${testInfo.project.name}.json`),
    JSON.stringify({ analysedMs, findingsMs }, null, 2),
  );
  // A leaf alone cannot prove what the server sends: the verdict's one action is to collect more evidence.
  await expect(page.getByRole('region', { name: /does not send its intermediate certificates/ }).getByRole('button', { name: /^Collect more evidence/ })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, `findings-kb3212877-${testInfo.project.name}.png`), fullPage: true });

  await next.click();
  const gap = page.getByRole('button', { name: /^Missing: Relay Doctor Test Issuing CA/ });
  await expect(gap).toContainText('http://pki.relay-doctor.test/issuing.cer');
  await gap.click();
  await expect(page.getByRole('listitem').filter({ hasText: 'http://pki.relay-doctor.test/issuing.cer' })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, `chain-gap-${testInfo.project.name}.png`), fullPage: true });

  await next.click();
  // The fix pack is built from the same evidence in the worker and previewed before it is saved.
  const files = page.getByRole('list', { name: 'Files in the fix pack' });
  await expect(files).toContainText('fix.ps1', { timeout: 30_000 });
  await expect(page.getByLabel('Preview of fix.ps1')).toContainText('[CmdletBinding(SupportsShouldProcess');
  await page.screenshot({ path: join(SHOTS, `fix-pack-${testInfo.project.name}.png`), fullPage: true });
  await page.getByRole('button', { name: 'Save fix pack…' }).click();
  await expect(page.getByText(/Saved \d+ files to/)).toBeVisible();
  const packDir = join(dialogs.exportFolder!, 'relay-doctor-fixpack');
  for (const script of ['fix.ps1', 'rollback.ps1', 'collect-evidence.ps1']) {
    expect(await parsesAsPowerShell(readFileSync(join(packDir, script), 'utf8')), `${script} parses`).toBe(true);
  }
  // The app's pack is the CLI's pack: main adds the PDF guide and the zip.
  expect(readFileSync(join(packDir, 'guide.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  expect(readFileSync(join(packDir, 'fixpack.zip')).subarray(0, 2).toString()).toBe('PK');

  await page.getByRole('button', { name: 'Save report…' }).click();
  await expect(page.getByText(/Saved 1 file to/)).toBeVisible();
  const saved = JSON.parse(readFileSync(join(dialogs.exportFolder!, 'relay-doctor-report', 'report.json'), 'utf8'));
  expect(saved.schema).toBe('relay-doctor/report@1');
  expect(saved.causes.map((c: { id: string }) => c.id)).toContain('cause.intermediatesNotSent');
});
