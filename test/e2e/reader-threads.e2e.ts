import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { FIXTURES, nextPastQuestions, toEvidenceStep } from './helpers';

// Issue 5 item 6 in the app: a folder of Exchange's protocol logs is read on reader workers started by the
// analysis worker (one per core, at most four), as the CLI's --jobs does, and every log counts in the report.
test('several large logs are read on reader workers and all of them count', async ({ window: page }) => {
  const started: string[] = [];
  page.on('worker', (worker) => started.push(worker.url()));
  await toEvidenceStep(page, /A line in a send or protocol log/);

  // Three logs of ~2.5 MB, each the fixture's two sessions (one refused with 5.7.64) copied under fresh ids.
  const sample = readFileSync(join(FIXTURES, 'smtp', 'exchange-send-5.7.64-cert-sent.log'), 'utf8');
  const transfer = await page.evaluateHandle((text) => {
    const lines = text.split('\n');
    const header = lines.filter((l) => l.startsWith('#'));
    const body = lines.filter((l) => l && !l.startsWith('#'));
    const dt = new DataTransfer();
    for (const file of [1, 2, 3]) {
      const out = [header.join('\n')];
      for (let i = 0; i < 500; i++) {
        const id = (tail: string) => `08D${file}${i.toString(16).toUpperCase().padStart(10, '0')}${tail}`;
        out.push(body.map((l) => l.replace(/08DC73F1A2B3C4(AA|D5)/, (_m, tail: string) => id(tail))).join('\n'));
      }
      dt.items.add(new File([out.join('\n') + '\n'], `SmtpSend/SEND2024051${file}-1.log`));
    }
    return dt;
  }, sample);
  await page.getByRole('region', { name: /Drop zone/ }).dispatchEvent('drop', { dataTransfer: transfer });

  for (const file of [1, 2, 3]) await expect(page.getByRole('row', { name: new RegExp(`SEND2024051${file}-1\\.log`) }).getByText('SMTP log')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  // The analysis worker, then reader workers beside it (this machine has at least two cores).
  expect(started.filter((url) => /analyze\.worker/.test(url))).toHaveLength(1);
  expect(started.filter((url) => /read\.worker/.test(url)).length).toBeGreaterThanOrEqual(2);
  // 500 refusals in each of the three logs: each file was read and its sessions counted.
  await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled({ timeout: 20_000 });
  await nextPastQuestions(page);
  await expect(page.getByText(/so it refused to relay \(1,500 times\)/).first()).toBeAttached({ timeout: 20_000 });
});
