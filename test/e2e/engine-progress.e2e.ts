import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { FIXTURES, toEvidenceStep } from './helpers';

// Issue 8 item 3: the progress bar follows the engine (inputs read, then analyzers run), not just a spinner.
// Issue 5 item 6: within a large log (streamed in pieces by the worker) the bar moves too.
test('the progress bar counts the inputs the engine has read, moves within a large log, then counts its checks', async ({ window: page }) => {
  await toEvidenceStep(page, /A line in a send or protocol log/);

  // A small certificate, ~30 MB of send log (a second or more to parse) and another certificate. Read one after
  // another the log is the second input; on reader workers (one per core) the certificates are read beside it.
  // Either way, while the log is parsed fewer than three inputs are read.
  const sample = readFileSync(join(FIXTURES, 'smtp', 'exchange-send-5.7.64-cert-sent.log'), 'utf8');
  const leaf = readFileSync(join(FIXTURES, 'certs', 'leaf-only.pem'), 'utf8');
  const intermediate = readFileSync(join(FIXTURES, 'certs', 'intermediate.pem'), 'utf8');
  const transfer = await page.evaluateHandle(
    ({ text, leaf, intermediate }) => {
      const lines = text.split('\n');
      const header = lines.filter((l) => l.startsWith('#'));
      const body = lines.filter((l) => l && !l.startsWith('#'));
      const out = [header.join('\n')];
      for (let i = 0; i < 6000; i++) {
        const id = `08DC${i.toString(16).toUpperCase().padStart(12, '0')}`;
        out.push(body.map((l) => l.replace(/08D[0-9A-F]+/, id)).join('\n'));
      }
      const dt = new DataTransfer();
      dt.items.add(new File([leaf], 'leaf-only.pem'));
      dt.items.add(new File([out.join('\n')], 'SEND-big.log'));
      dt.items.add(new File([intermediate], 'intermediate.pem'));
      return dt;
    },
    { text: sample, leaf, intermediate },
  );
  // Every text the progress label shows, however briefly (the checks on three inputs take milliseconds).
  // And every value the bar takes while it counts inputs.
  await page.evaluate(() => {
    const seen: string[] = [];
    const values: number[] = [];
    Object.assign(window, { __progressSeen: seen, __progressValues: values });
    new MutationObserver(() => {
      const label = document.querySelector('label[for="analysis-progress"]')?.textContent?.trim();
      if (label && seen.at(-1) !== label) seen.push(label);
      const bar = document.querySelector<HTMLProgressElement>('progress#analysis-progress');
      if (label?.startsWith('Reading evidence') && bar?.hasAttribute('value') && values.at(-1) !== bar.value) values.push(bar.value);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.getByRole('region', { name: /Drop zone/ }).dispatchEvent('drop', { dataTransfer: transfer });

  const status = page.getByRole('status').filter({ has: page.getByRole('progressbar') });
  await expect(status).toContainText(/Reading evidence: [12] of 3/, { timeout: 20_000 });
  const bar = status.getByRole('progressbar');
  await expect(bar).toHaveAttribute('max', '3');

  await expect(page.getByRole('row', { name: /SEND-big\.log/ }).getByText('SMTP log')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  const seen = await page.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen);
  const values = await page.evaluate(() => (window as unknown as { __progressValues: number[] }).__progressValues);
  // The bar rose steadily, and moved between two whole inputs while the log was read.
  expect(values).toEqual([...values].sort((a, b) => a - b));
  // The page shows a few steps a second (renderer/src/lib/progress-pace.ts), so a long parse moves it more than once.
  expect(values.filter((v) => v !== Math.floor(v)).length).toBeGreaterThanOrEqual(2);
  const engine = seen.filter((s) => /^(Reading evidence|Running checks)/.test(s));
  const reading = engine.filter((s) => s.startsWith('Reading evidence'));
  // Counted up to three; two inputs finished within one frame may show as one step.
  expect(reading.at(-1)).toBe('Reading evidence: 3 of 3');
  const counts = reading.map((s) => Number(/: (\d) of 3/.exec(s)?.[1]));
  expect(counts).toEqual([...new Set(counts)].sort());
  const checks = engine.slice(reading.length);
  expect(checks.length).toBeGreaterThan(0);
  expect(checks.every((s) => /^Running checks: \d+ of \d+$/.test(s))).toBe(true);
  expect(checks.at(-1)).toMatch(/^Running checks: (\d+) of \1$/);
});
