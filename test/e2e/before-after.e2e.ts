import { join } from 'node:path';
import { test, expect, ROOT } from './fixtures';
import { dropFiles, FIXTURES, toEvidenceStep } from './helpers';

// Issue 8 item 2: a before/after view once the admin checks the server again after the fix.
test('compares the analysis after the fix with the one before it', async ({ window: page }, testInfo) => {
  // Before: the send log with Exchange Online's 5.7.64 refusal.
  await toEvidenceStep(page, /A line in a send or protocol log/);
  await dropFiles(page, [join(FIXTURES, 'smtp', 'exchange-send-5.7.64-cert-sent.log')], /Drop zone/);
  const next = page.getByRole('button', { name: 'Next' });
  await expect(next).toBeEnabled({ timeout: 30_000 });
  // Evidence → the questions it left open → Findings → Chain → Fix.
  for (let i = 0; i < 4; i++) await next.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Fix and export' })).toBeVisible();

  await page.getByRole('button', { name: 'Check the server again' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Evidence' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  // After: a send log in which Exchange Online accepts the relayed mail.
  await dropFiles(page, [join(FIXTURES, 'smtp', 'SEND20240516-1.log')], /Drop zone/);
  await expect(next).toBeEnabled({ timeout: 30_000 });
  await next.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your environment' })).toBeVisible();
  await next.click();

  const compare = page.getByRole('region', { name: 'Before and after the fix' });
  await expect(compare.getByRole('heading', { name: 'Resolved (1)' })).toBeVisible();
  await expect(compare.getByRole('heading', { name: 'New (0)' })).toBeVisible();
  await expect(compare.getByRole('heading', { name: 'Still there (0)' })).toBeVisible();
  await expect(compare.getByRole('listitem')).toContainText(/TenantAttribution/);
  await expect(page.getByRole('heading', { level: 3, name: 'No problem found' })).toBeVisible();
  await page.screenshot({ path: join(ROOT, 'test-results', 'screenshots', `before-after-${testInfo.project.name}.png`), fullPage: true });
});
