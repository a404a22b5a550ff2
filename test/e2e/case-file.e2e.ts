import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, ROOT } from './fixtures';
import { autosavedNames, dropFiles, FIXTURES, nextPastQuestions, toEvidenceStep } from './helpers';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const CAUSE = /does not send its intermediate certificates/;
const LEAD = "The certificate's names do not match the inbound connector";

// Issue 8 item 2 / issue 10 item 4: Save case… writes a relay-doctor/case@1 file through the real handlers;
// a fresh start plus Open case… brings back the same evidence and findings.
test('a saved case file opens in a fresh session with the same evidence and findings', async ({ window: page, dialogs }, testInfo) => {
  await toEvidenceStep(page, /A line in a send or protocol log/);
  await dropFiles(page, [join(FIXTURES, 'certs', 'leaf-only.pem'), join(FIXTURES, 'smtp', 'exchange-send-5.7.64-cert-sent.log')], /Drop zone/);
  await page.getByLabel(/Or paste text/).fill(readFileSync(join(FIXTURES, 'settings', 'get-inboundconnector-fl-mismatch.txt'), 'utf8'));
  await page.getByRole('button', { name: 'Add pasted text' }).click();
  await expect(page.getByRole('row', { name: /pasted-1\.txt/ }).getByText('Read', { exact: true })).toBeVisible({ timeout: 30_000 });
  await nextPastQuestions(page);
  // The name mismatch leads (the connector proves it); intermediates not sent is the alternative, folded away.
  await expect(page.getByRole('heading', { level: 3, name: LEAD })).toBeVisible();
  const findings = await page.getByText(/^All findings \(\d+\)$/).textContent();

  await page.getByRole('group', { name: 'Case file' }).getByRole('button', { name: 'Save case…' }).click();
  await expect(page.getByRole('status').getByText('The case was saved as “case.json”.')).toBeVisible();
  const saved = JSON.parse(readFileSync(dialogs.caseSavePath!, 'utf8')) as { schema: string; evidence: Array<{ name: string }> };
  expect(saved.schema).toBe('relay-doctor/case@1');
  expect(saved.evidence.map((e) => e.name)).toEqual(['leaf-only.pem', 'exchange-send-5.7.64-cert-sent.log', 'pasted-1.txt']);

  // Saving again over the same file asks first, and Replace writes it.
  await page.getByRole('button', { name: 'Save case…' }).click();
  await expect(page.getByRole('alert').getByRole('heading', { name: 'A file with that name already exists' })).toBeVisible();
  await page.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByRole('status').getByText('The case was saved as “case.json”.')).toBeVisible();

  // A fresh start: reload, decline the autosaved case (once it is stored, so the offer is there to decline).
  await autosavedNames(page, ['leaf-only.pem', 'exchange-send-5.7.64-cert-sent.log', 'pasted-1.txt']);
  await page.reload();
  await page.getByRole('button', { name: 'Start a new case' }).click();
  await expect(page.getByRole('radio', { name: /A line in a send or protocol log/ })).toBeVisible();

  dialogs.caseOpenPath = dialogs.caseSavePath;
  await page.getByRole('button', { name: 'Open case…' }).click();
  await expect(page.getByRole('status').getByText(/The case “case\.json” was opened/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: LEAD })).toBeVisible({ timeout: 30_000 });
  await page.getByText('Other explanations, less likely (1)').click();
  await expect(page.getByRole('heading', { level: 4, name: CAUSE })).toBeVisible();
  await expect(page.getByText(/^All findings \(\d+\)$/)).toHaveText(findings ?? '');
  await page.screenshot({ path: join(SHOTS, `case-opened-${testInfo.project.name}.png`), fullPage: true });
  await page.getByRole('button', { name: 'Evidence' }).click();
  for (const name of [/leaf-only\.pem/, /exchange-send-5\.7\.64-cert-sent\.log/, /pasted-1\.txt/]) {
    await expect(page.getByRole('row', { name }).getByText('Read', { exact: true })).toBeVisible();
  }
});

test('a foreign file offered as a case gives a localized error and keeps the current evidence', async ({ window: page, dialogs }, testInfo) => {
  await toEvidenceStep(page, /Just check my certificate chain/);
  await dropFiles(page, [join(FIXTURES, 'certs', 'leaf-only.pem')], /Drop zone/);
  await expect(page.getByRole('row', { name: /leaf-only\.pem/ }).getByText('Read', { exact: true })).toBeVisible({ timeout: 30_000 });

  const foreign = join(dialogs.exportFolder!, 'package.json');
  writeFileSync(foreign, JSON.stringify({ name: 'not-a-case' }));
  dialogs.caseOpenPath = foreign;
  await page.getByRole('button', { name: 'Open case…' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('heading', { name: 'Not a Relay Doctor case file' })).toBeVisible();
  await expect(alert.getByText(/“package\.json” is not a case saved by this version/)).toBeVisible();
  await expect(page.getByRole('row', { name: /leaf-only\.pem/ }).getByText('Read', { exact: true })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, `case-foreign-${testInfo.project.name}.png`), fullPage: true });
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});
