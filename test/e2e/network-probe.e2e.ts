import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { SMTPServer } from 'smtp-server';
import { test, expect } from './fixtures';
import { FIXTURES, toEvidenceStep } from './helpers';

// Main asks its own consent before connecting; here the test gives the answer the user would click.
test.use({ connectionConsent: 'connect' });

/**
 * "Probe my server" end to end, through the real IPC handlers and the real probe service, against an SMTP
 * server this test starts on 127.0.0.1 (the only server it contacts). It presents its leaf only, so the
 * captured chain lands in the evidence list and the analysis sees a missing intermediate.
 */
test('probes a server only after the notice is confirmed, and lists its chain as evidence', async ({ window: page, consentAsked }) => {
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
    // …and main itself asked first, naming the host and port it then connected to.
    expect(consentAsked).toEqual([{ kind: 'probe', host: '127.0.0.1', port, implicitTls: false, heloName: 'relay-doctor.invalid' }]);

    // The opened panel, with its notice and result, keeps the app's accessibility bar (no serious axe finding).
    await page.getByRole('button', { name: 'Probe my server' }).click();
    const axe = await new AxeBuilder({ page }).include('details.network').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(axe.passes.length).toBeGreaterThan(0);
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test.describe('when the user cancels main’s own consent dialog', () => {
  test.use({ connectionConsent: 'cancel' });

  test('connects nowhere and says that nothing was sent', async ({ window: page, consentAsked }) => {
    let connections = 0;
    const server = new SMTPServer({ authOptional: true, logger: false, disableReverseLookup: true, onConnect: (_s, cb) => (connections++, cb()) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    try {
      await toEvidenceStep(page, /Just check my certificate chain/);
      await page.getByText('Online checks (optional)').click();
      await page.getByLabel(/^Server/).fill(`127.0.0.1:${port}`);
      await page.getByRole('button', { name: 'Probe my server' }).click();
      // The page's own notice is passed; main's dialog is the one that says no.
      await page.getByRole('button', { name: 'Connect now' }).click();
      await expect(page.getByRole('alert').getByText('Not connected')).toBeVisible();
      expect(consentAsked).toHaveLength(1);
      expect(connections).toBe(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
