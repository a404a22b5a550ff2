import { join } from 'node:path';
import { test, expect } from './fixtures';
import { autosavedNames, dropFiles, FIXTURES, toEvidenceStep } from './helpers';

// Issue 8 item 2: the case autosaves (IndexedDB, in the renderer) and reopens on the next start.
test('reopens an autosaved case after the app is restarted', async ({ window: page }) => {
  await toEvidenceStep(page, /A line in a send or protocol log/);
  await dropFiles(page, [join(FIXTURES, 'smtp', 'exchange-send-5.7.64-cert-sent.log')], /Drop zone/);
  await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled({ timeout: 30_000 });
  await autosavedNames(page, ['exchange-send-5.7.64-cert-sent.log']); // autosave runs shortly after the last change

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Continue where you left off?' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue the saved case' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Evidence' })).toBeVisible();
  await expect(page.getByRole('row', { name: /exchange-send-5\.7\.64-cert-sent\.log/ }).getByText('SMTP log')).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('radio', { name: /A line in a send or protocol log/ })).toHaveCount(0);
});
