import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, ROOT } from './fixtures';
import { dropFiles, FIXTURES, toEvidenceStep } from './helpers';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
/** The password of every protected fixture (test/fixtures/certs/README.md). */
const PASSWORD = 'Relay-Doctor-1';

// A password-protected PFX dropped in the app: its row asks for the password, says when one is wrong, and
// reads the certificates with the right one, so the chain is judged like any other.
test('a protected PFX is unlocked in its row: wrong password said, right one reads the chain', async ({ window: page, dialogs }, testInfo) => {
  await toEvidenceStep(page, /Just check my certificate chain/);
  await dropFiles(page, [join(FIXTURES, 'certs', 'leaf-aes.pfx')], /Drop zone/);
  const row = page.getByRole('row', { name: /leaf-aes\.pfx/ });
  await expect(row.getByText('A password is needed')).toBeVisible({ timeout: 30_000 });

  const field = row.getByLabel('Password for leaf-aes.pfx');
  await expect(field).toHaveAttribute('type', 'password');
  await expect(field).toHaveAttribute('autocomplete', 'off');
  // Enter in the field submits the row's form.
  await field.fill('Relay-Doctor-2');
  await field.press('Enter');
  await expect(row.getByRole('alert')).toContainText('The password is wrong', { timeout: 30_000 });
  await expect(field).toBeVisible();
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  // The row with its field and the wrong-password alert passes the same axe rules as every step.
  const axe = await new AxeBuilder({ page }).include('table').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `pfx-password-wrong-${testInfo.project.name}.png`), fullPage: true });

  await field.fill(PASSWORD);
  await row.getByRole('button', { name: 'Unlock leaf-aes.pfx' }).click();
  await expect(row.getByText('Read', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText('2 items read')).toBeVisible();
  await expect(row.getByLabel('Password for leaf-aes.pfx')).toHaveCount(0);

  // Save case… through main's real handler: the file has the PFX, not its password.
  await page.getByRole('group', { name: 'Case file' }).getByRole('button', { name: 'Save case…' }).click();
  await expect(page.getByRole('status').getByText('The case was saved as “case.json”.')).toBeVisible();
  const saved = readFileSync(dialogs.caseSavePath!, 'utf8');
  expect((JSON.parse(saved) as { evidence: Array<{ name: string }> }).evidence.map((e) => e.name)).toEqual(['leaf-aes.pfx']);
  expect(saved).not.toContain(PASSWORD);

  await page.getByRole('button', { name: 'Next' }).click();
  const findings = page.getByRole('region', { name: 'Findings' });
  await expect(findings.getByRole('group').filter({ hasText: 'The chain is incomplete: an intermediate certificate is missing' }).last()).toBeVisible();
});
