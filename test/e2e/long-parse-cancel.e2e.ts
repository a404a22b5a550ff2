import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { FIXTURES } from './helpers';

// Issue 8 item 3: long parses show progress, can be cancelled, and never block the UI thread.
test('shows progress for a long parse, keeps the UI responsive, and cancels it', async ({ window: page }) => {
  await page.getByRole('radio', { name: /A line in a send or protocol log/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();

  // ~30 MB of Exchange send log: the real fixture's sessions repeated under fresh session ids (~6 s to read).
  const sample = readFileSync(join(FIXTURES, 'smtp', 'exchange-send-5.7.64-cert-sent.log'), 'utf8');
  const transfer = await page.evaluateHandle((text) => {
    const lines = text.split('\n');
    const header = lines.filter((l) => l.startsWith('#'));
    const body = lines.filter((l) => l && !l.startsWith('#'));
    const out = [header.join('\n')];
    for (let i = 0; i < 6000; i++) {
      const id = `08DC${i.toString(16).toUpperCase().padStart(12, '0')}`;
      out.push(body.map((l) => l.replace(/08D[0-9A-F]+/, id)).join('\n'));
    }
    const dt = new DataTransfer();
    dt.items.add(new File([out.join('\n')], 'SEND-big.log'));
    return dt;
  }, sample);
  await page.getByRole('region', { name: /Drop zone/ }).dispatchEvent('drop', { dataTransfer: transfer });

  const status = page.getByRole('status').filter({ has: page.getByRole('progressbar') });
  // The size first, then the engine's count within the file (the first may last only a few milliseconds).
  await expect(status).toContainText(/Analysing 1 file \(\d+(\.\d)? MB\)|Reading evidence: 0 of 1/);
  await expect(page.getByRole('row', { name: /SEND-big\.log/ }).getByText('Analysing…')).toBeVisible();

  // The parse runs in the worker: the page still reacts at once.
  const reacted = Date.now();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('cs');
  await expect(page.getByRole('heading', { level: 2, name: 'Podklady' })).toBeVisible();
  expect(Date.now() - reacted).toBeLessThan(1_000);
  await page.getByRole('combobox', { name: 'Jazyk' }).selectOption('en');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Analysis cancelled. The files stay listed.')).toBeVisible();
  await expect(page.getByRole('row', { name: /SEND-big\.log/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Analyse again' })).toBeVisible();
});
