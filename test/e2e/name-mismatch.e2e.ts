import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, ROOT } from './fixtures';
import { dropFiles, FIXTURES, toEvidenceStep } from './helpers';

const SHOTS = join(ROOT, 'test-results', 'screenshots');

// Issue 8 journey (b): a certificate for relay.contoso.com plus Get-InboundConnector | Format-List output
// pasted into the Evidence step, whose TlsSenderCertificateName names a host the certificate does not carry.
test('pasted Get-InboundConnector output naming another host gives "certificate name mismatch"', async ({ window: page }, testInfo) => {
  await toEvidenceStep(page, /Just check my certificate chain/);
  await dropFiles(page, [join(FIXTURES, 'certs', 'leaf-only.pem')], /Drop zone/);
  await expect(page.getByRole('row', { name: /leaf-only\.pem/ }).getByText('Read', { exact: true })).toBeVisible({ timeout: 30_000 });

  const pasted = readFileSync(join(FIXTURES, 'settings', 'get-inboundconnector-fl-mismatch.txt'), 'utf8');
  await page.getByLabel(/Or paste text/).fill(pasted);
  await page.getByRole('button', { name: 'Add pasted text' }).click();
  await expect(page.getByRole('row', { name: /pasted-1\.txt/ }).getByText('Read', { exact: true })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: join(SHOTS, `name-mismatch-evidence-${testInfo.project.name}.png`), fullPage: true });

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 3, name: "The certificate's names do not match the inbound connector" })).toBeVisible();
  const all = page.getByRole('region', { name: 'Findings' });
  await all.getByText(/^All findings \(\d+\)$/).click();
  // The engine reports the mismatch once, as the connector's finding (issue 17), not also as the certificate's.
  const certFinding = all.getByRole('group').filter({ hasText: "The inbound connector's certificate name does not match the certificate that is sent" }).last();
  await expect(certFinding).toBeVisible();
  // Expanding the finding shows the proof: the name the connector expects and the names the certificate has.
  await certFinding.getByText("The inbound connector's certificate name does not match the certificate that is sent").click();
  await expect(certFinding.getByText(/expects TlsSenderCertificateName smtp\.fabrikam\.com/)).toBeVisible();
  // The names are joined as the language joins a list ("relay.contoso.com and mail.contoso.com").
  await expect(certFinding.getByText(/relay\.contoso\.com and mail\.contoso\.com/).first()).toBeVisible();
  await page.screenshot({ path: join(SHOTS, `name-mismatch-${testInfo.project.name}.png`), fullPage: true });
});
