import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { SMTPServer } from 'smtp-server';
import { test, expect } from './fixtures';
import { FIXTURES, toEvidenceStep } from './helpers';

/**
 * "Probe my server" end to end, through the real IPC handlers and the real probe service, against an SMTP
 * server this test starts on 127.0.0.1 (the only server it contacts). It presents its leaf only, so the
 * captured chain lands in the evidence list and the analysis sees a missing intermediate.
 */
test('probes a server only after the notice is confirmed, and lists its chain as evidence', async ({ window: page }) => {
  let connections = 0;
  const server = new SMTPServer({
    key: readFileSync(join(FIXTURES, 'network', 'server.key')),
    cert: readFileSync(join(FIXTURES, 'network', 'server.pem')),
    authOptional: true,
    logger: false,
    // No PTR lookup: that would send a DNS query off this machine.
    disableReverseLookup: true,
    onConnect: (_session, cb) => {
      connections++;
      cb();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  try {
    await toEvidenceStep(page, /Just check my certificate chain/);
    await page.getByText('Online checks (optional)').click();
    await page.getByLabel(/^Server/).fill(`127.0.0.1:${port}`);
    await page.getByRole('button', { name: 'Probe my server' }).click();
    await expect(page.getByText(`Relay Doctor will connect to 127.0.0.1 on port ${port}`)).toBeVisible();
    expect(connections).toBe(0);

    await page.getByRole('button', { name: 'Connect now' }).click();
    const row = page.getByRole('row', { name: new RegExp(`probe:127\\.0\\.0\\.1:${port}`) });
    await expect(row).toBeVisible();
    await expect(row.getByText('1 item read')).toBeVisible();
    expect(connections).toBe(1);

    // The opened panel, with its notice and result, keeps the app's accessibility bar (no serious axe finding).
    await page.getByRole('button', { name: 'Probe my server' }).click();
    const axe = await new AxeBuilder({ page }).include('details.network').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(axe.passes.length).toBeGreaterThan(0);
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
