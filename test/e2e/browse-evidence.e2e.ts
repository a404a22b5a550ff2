import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { FIXTURES, toEvidenceStep } from './helpers';

// Browse… and Add a folder… are the keyboard (and RDP) way to the drop path: the browser's own file chooser,
// Files handed to the worker as they are, no copy through main and so no size cap.

test('Browse… adds a certificate through the file chooser and it is read', async ({ window: page }) => {
  await toEvidenceStep(page, /Just check my certificate chain/);
  const browse = page.getByRole('button', { name: 'Browse…' });
  // Keyboard only: the button takes focus and Enter opens the chooser.
  await browse.focus();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  const picker = await chooser;
  expect(picker.isMultiple()).toBe(true);
  await picker.setFiles(join(FIXTURES, 'certs', 'leaf-only.pem'));
  await expect(page.getByRole('row', { name: /leaf-only\.pem/ }).getByText('Read', { exact: true })).toBeVisible({ timeout: 30_000 });
});

test('Add a folder… adds every file under the folder, named by its path from the folder on', async ({ window: page }) => {
  const parent = mkdtempSync(join(tmpdir(), 'relay-doctor-folder-'));
  try {
    // The shape Exchange keeps its protocol logs in: a folder per connector direction.
    const send = join(parent, 'Logs', 'SmtpSend');
    const receive = join(parent, 'Logs', 'SmtpReceive');
    mkdirSync(send, { recursive: true });
    mkdirSync(receive, { recursive: true });
    cpSync(join(FIXTURES, 'smtp', 'SEND20240516-1.log'), join(send, 'SEND20240516-1.log'));
    cpSync(join(FIXTURES, 'smtp', 'SEND20240516-2.log'), join(send, 'SEND20240516-2.log'));
    cpSync(join(FIXTURES, 'smtp', 'RECV20240514-1.log'), join(receive, 'RECV20240514-1.log'));

    await toEvidenceStep(page, /Just check my certificate chain/);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add a folder…' }).click();
    await (await chooser).setFiles(join(parent, 'Logs'));

    const table = page.getByRole('table', { name: '3 items added' });
    await expect(table).toBeVisible();
    for (const name of ['Logs/SmtpSend/SEND20240516-1.log', 'Logs/SmtpSend/SEND20240516-2.log', 'Logs/SmtpReceive/RECV20240514-1.log']) {
      const row = table.getByRole('row', { name: new RegExp(name.replace(/[./]/g, '\\$&')) });
      await expect(row.getByText('Read', { exact: true })).toBeVisible({ timeout: 30_000 });
    }
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
