import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, ROOT } from './fixtures';
import { dropFiles, FIXTURES } from './helpers';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const CONNECTOR = readFileSync(join(FIXTURES, 'settings', 'get-inboundconnector-fl-mismatch.txt'), 'utf8');

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The certificate, the 5.7.64 send log and the connector that names another host, on the Evidence step. */
async function addEvidence(page: Page, symptom: RegExp, next: string, zone: RegExp, paste: RegExp, add: string) {
  await page.getByRole('radio', { name: symptom }).check();
  // Evidence first (issue 21 item 1).
  await page.getByRole('button', { name: next }).click();
  await dropFiles(page, [join(FIXTURES, 'certs', 'leaf-only.pem'), join(FIXTURES, 'smtp', 'exchange-send-5.7.64-cert-sent.log')], zone);
  await page.getByLabel(paste).fill(CONNECTOR);
  await page.getByRole('button', { name: add }).click();
  await expect(page.getByRole('button', { name: next })).toBeEnabled({ timeout: 30_000 });
  await page.getByRole('button', { name: next }).click();
  // The questions the evidence left open (whether the certificate was renewed), left unanswered.
  await expect(page.getByRole('heading', { level: 2 })).not.toHaveText(/Evidence|Podklady/);
  await page.getByRole('button', { name: next }).click();
}

// Issue 21 item 2: Findings opens with one verdict and one way on; the rest is there, folded away.
test('Findings opens with the verdict, one button onward, and everything else folded below it', async ({ window: page, dialogs }, testInfo) => {
  mkdirSync(SHOTS, { recursive: true });
  await addEvidence(page, /A line in a send or protocol log/, 'Next', /Drop zone/, /Or paste text/, 'Add pasted text');

  const verdict = page.getByRole('region', { name: "The certificate's names do not match the inbound connector" });
  await expect(verdict).toBeVisible({ timeout: 30_000 });
  await expect(verdict.getByText(/^How sure: certain/)).toBeVisible();
  await expect(verdict.getByText(/^Do this first/)).toBeVisible();
  // Closed by default: the alternative and the findings are not on screen until asked for.
  const alternatives = page.getByText('Other explanations, less likely (1)');
  await expect(alternatives).toBeVisible();
  await expect(page.getByRole('heading', { level: 4, name: /does not send its intermediate certificates/ })).toBeHidden();
  await expect(page.getByText(/^All findings \(\d+\)$/)).toBeVisible();
  expect(await seriousViolations(page), 'findings, folded').toEqual([]);
  await page.screenshot({ path: join(SHOTS, `findings-verdict-en-${testInfo.project.name}.png`), fullPage: true });

  await alternatives.click();
  await expect(page.getByRole('heading', { level: 4, name: /does not send its intermediate certificates/ })).toBeVisible();
  await page.getByText(/^All findings \(\d+\)$/).click();
  // No raw ids anywhere on the step, folds open.
  const text = (await page.getByRole('region', { name: 'Findings' }).textContent()) ?? '';
  expect(text).not.toMatch(/(?<![-\w.])(cause|smtp|chain|cert|connector|remediation|verdict|evidence|wizard|confidence|severity)\.[a-z]+[A-Z][A-Za-z]*/);
  expect(await seriousViolations(page), 'findings, unfolded').toEqual([]);
  await page.screenshot({ path: join(SHOTS, `findings-verdict-en-open-${testInfo.project.name}.png`), fullPage: true });

  // The chain as the admin supplied it: no probe, so it says so, and the gap never asks the server for a root.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('button', { name: /Server certificate · valid · you supplied/ })).toBeVisible();
  await expect(page.getByText(/^From your files: this is what you have/)).toBeVisible();
  await page.getByRole('button', { name: /^Missing: / }).click();
  await expect(page.getByText(/^If it is a root CA, no server sends it/)).toBeVisible();
  await page.getByRole('button', { name: /Server certificate/ }).click();
  await expect(page.getByText(/^CN=relay\.contoso\.com/)).toBeVisible();
  expect(await seriousViolations(page), 'chain').toEqual([]);
  await page.screenshot({ path: join(SHOTS, `chain-origin-en-${testInfo.project.name}.png`), fullPage: true });

  // The one button onward goes straight to the fix.
  await page.getByRole('button', { name: 'Findings', exact: true }).click();
  await page.getByRole('button', { name: 'Build the fix' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Fix and export' })).toBeVisible();

  // Issue 21 item 4: saving again asks (a new folder or replace) instead of ending in "File already exists".
  await expect(page.getByRole('list', { name: 'Files in the fix pack' })).toContainText('fix.ps1', { timeout: 30_000 });
  const save = page.getByRole('button', { name: 'Save fix pack…' });
  await save.click();
  await expect(page.getByText(/Saved \d+ files to/)).toBeVisible();
  await save.click();
  const prompt = page.getByRole('alert', { name: 'You saved here before' });
  await expect(prompt).toBeVisible();
  await expect(page.getByText('File already exists')).toHaveCount(0);
  expect(await seriousViolations(page), 'save-again prompt').toEqual([]);
  await prompt.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, `save-again-en-${testInfo.project.name}.png`) });
  await prompt.getByRole('button', { name: 'Save to a new folder' }).click();
  await expect(page.getByText(/Saved \d+ files to .*relay-doctor-fixpack-2/)).toBeVisible();
  expect(existsSync(join(dialogs.exportFolder!, 'relay-doctor-fixpack-2', 'fix.ps1'))).toBe(true);
});

test.describe('in Czech', () => {
  test.use({ osLocale: 'cs-CZ' });

  test('the verdict reads in Czech', async ({ window: page }, testInfo) => {
    await addEvidence(page, /protokolu odesílání/, 'Další', /Oblast pro přetažení/, /vložte text/i, 'Přidat vložený text');
    const verdict = page.getByRole('region', { name: /neodpovídají příchozímu konektoru/ });
    await expect(verdict).toBeVisible({ timeout: 30_000 });
    await expect(verdict.getByRole('button', { name: 'Připravit opravu' })).toBeVisible();
    expect(await seriousViolations(page), 'findings cs').toEqual([]);
    await page.screenshot({ path: join(SHOTS, `findings-verdict-cs-${testInfo.project.name}.png`), fullPage: true });
  });
});
