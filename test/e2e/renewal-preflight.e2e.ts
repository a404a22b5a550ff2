import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, ROOT } from './fixtures';
import { dropFiles } from './helpers';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const SCENARIOS = join(ROOT, 'test', 'scenarios', 'preflight');

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A renewal scenario of the pre-flight suite: the new certificate, its password and the current evidence. */
function scenario(name: string) {
  const dir = join(SCENARIOS, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { new: string; args: { password: string } };
  const current = readdirSync(dir).filter((f) => f !== 'expected.json' && f !== '_args' && f !== expected.new);
  return { fresh: join(dir, expected.new), name: expected.new, password: expected.args.password, current: current.map((f) => join(dir, f)) };
}

interface Words {
  symptom: RegExp;
  next: string;
  newZone: string;
  zone: RegExp;
  password: (name: string) => string;
  unlock: (name: string) => string;
  preflight: string;
}
const EN: Words = {
  symptom: /I am about to renew or replace the certificate/,
  next: 'Next',
  newZone: 'Drop zone for the new certificate',
  zone: /^Drop zone for evidence/,
  password: (n) => `Password for ${n}`,
  unlock: (n) => `Unlock ${n}`,
  preflight: 'Pre-flight',
};

/** Start → Evidence (the new certificate in its own zone, unlocked; the current evidence beside it) → Pre-flight. */
async function toPreflight(page: Page, s: ReturnType<typeof scenario>, w: Words, shot: string) {
  await page.getByRole('radio', { name: w.symptom }).check();
  await page.getByRole('button', { name: w.next, exact: true }).click();
  await dropFiles(page, [s.fresh], new RegExp(`^${w.newZone}$`));
  await page.getByLabel(w.password(s.name)).fill(s.password);
  await page.getByRole('button', { name: w.unlock(s.name) }).click();
  await expect(page.getByLabel(w.password(s.name))).toHaveCount(0, { timeout: 30_000 });
  await dropFiles(page, s.current, w.zone);
  await expect(page.getByRole('button', { name: w.next, exact: true })).toBeEnabled({ timeout: 30_000 });
  expect(await seriousViolations(page), 'evidence with the new certificate').toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${shot}-evidence.png`), fullPage: true });
  await page.getByRole('button', { name: w.next, exact: true }).click();
  // No questions in between: the pre-flight reads the evidence itself.
  await expect(page.getByRole('heading', { level: 2, name: w.preflight })).toBeVisible({ timeout: 30_000 });
}

test.describe('renewal pre-flight', () => {
  // The scenarios' own date (expected.json `at`): their certificates are judged as of then, not by the real clock.
  test.use({ trustedRoots: [join(SCENARIOS, 'healthy-renewal-same-issuer', '_args', 'root.pem')], clockAt: '2026-11-20T10:00:00Z' });

  test('a healthy renewal will work; after the switch the same case shows before and after', async ({ window: page, dialogs, mode, foldersOpened }, testInfo) => {
    mkdirSync(SHOTS, { recursive: true });
    const s = scenario('healthy-renewal-same-issuer');
    await toPreflight(page, s, EN, `renewal-healthy-${testInfo.project.name}`);

    const verdict = page.getByRole('region', { name: 'The new certificate will work' });
    await expect(verdict).toBeVisible();
    await expect(verdict.getByText(/^With 1 warning: Hybrid connectors and the Hybrid Configuration Wizard\./)).toBeVisible();
    await expect(verdict.getByText(/^Checked: CN=mail\.contoso\.com/)).toBeVisible();
    // The exact value for the Send connector, in a details area, closed until asked for.
    const value = verdict.getByText(/^<I>.*<S>.*mail\.contoso\.com/);
    await expect(value).toBeHidden();
    await verdict.getByText('The value for the Send connector (TlsCertificateName)').click();
    await expect(value).toBeVisible();
    const checks = page.getByRole('region', { name: 'All 12 checks' });
    await expect(checks.getByRole('article')).toHaveCount(12);
    await expect(checks.getByRole('article', { name: 'The chain can be sent' }).getByText('Passes')).toBeVisible();
    // A check's evidence: the cmdlet output it read, line by line.
    const names = checks.getByRole('article', { name: 'Inbound connector names' });
    await names.getByText(/^The evidence/).click();
    await expect(names.getByText(/Get-InboundConnector\.txt/).first()).toBeVisible();
    // The pre-flight is not in English ids or raw ISO dates.
    const text = (await page.getByRole('region', { name: 'Pre-flight' }).textContent()) ?? '';
    expect(text).not.toMatch(/preflight\.[a-z]+|\d{4}-\d{2}-\d{2}T\d{2}/);
    expect(await seriousViolations(page), 'pre-flight, will work').toEqual([]);
    await page.screenshot({ path: join(SHOTS, `renewal-healthy-${testInfo.project.name}.png`), fullPage: true });
    // The README's picture of the pre-flight (the top of the page: the verdict and the first checks), rewritten
    // only with UPDATE_SCREENSHOTS=1 as readme-screenshots.e2e.ts does, so an ordinary run changes no tracked file.
    if (testInfo.project.name === 'chromium-harness' && process.env.UPDATE_SCREENSHOTS === '1') {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'renewal-preflight.png') });
    }

    // The switch-over pack: built in the worker, written by main into the chosen folder (guide.pdf added there).
    await page.getByRole('button', { name: 'Build the switch-over pack' }).click();
    await expect(page.getByRole('list', { name: 'Files in the switch-over pack' })).toContainText('switch-over.ps1', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Save switch-over pack…' }).click();
    await expect(page.getByText(/Saved \d+ files to .*relay-doctor-switchover/)).toBeVisible({ timeout: 30_000 });
    for (const f of ['switch-over.ps1', 'rollback.ps1', 'guide.pdf', 'report.json', 'switch-over.zip']) expect(existsSync(join(dialogs.exportFolder!, 'relay-doctor-switchover', f)), f).toBe(true);
    expect(existsSync(join(dialogs.exportFolder!, 'relay-doctor-switchover', s.name))).toBe(false);
    // As after the fix pack: "Open folder" shows the folder main just wrote (observed through the harness's stand-in).
    await page.getByRole('button', { name: 'Open folder' }).click();
    if (mode === 'harness') await expect.poll(() => foldersOpened).toEqual([join(dialogs.exportFolder!, 'relay-doctor-switchover')]);
    expect(await seriousViolations(page), 'switch-over pack').toEqual([]);
    await page.screenshot({ path: join(SHOTS, `renewal-switchover-pack-${testInfo.project.name}.png`), fullPage: true });

    // Issue 22 item 3: after the switch the current state is the baseline.
    await page.getByRole('button', { name: 'I have switched: check the server again' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Evidence' })).toBeVisible();
    await expect(page.getByText(/^After the switch: add the evidence of the server as it is now/)).toBeVisible();
    await expect(page.getByRole('region', { name: EN.newZone })).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('button', { name: /Pre-flight/ })).toHaveCount(0);
    // The server as it is now: its send log.
    await dropFiles(page, [s.current.find((p) => p.endsWith('.log'))!], EN.zone);
    await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeEnabled({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    const compare = page.getByRole('region', { name: 'Before and after the switch' });
    await expect(compare).toBeVisible();
    await expect(compare.getByRole('heading', { name: /^Resolved \(\d+\)$/ })).toBeVisible();
    expect(await seriousViolations(page), 'before and after the switch').toEqual([]);
    await page.screenshot({ path: join(SHOTS, `renewal-after-switch-${testInfo.project.name}.png`), fullPage: true });
  });

  test.describe('in Czech', () => {
    test.use({ osLocale: 'cs-CZ' });

    test('a renewal whose Send connector still names the old certificate will break, and says why', async ({ window: page }, testInfo) => {
      mkdirSync(SHOTS, { recursive: true });
      const s = scenario('send-connector-names-old-certificate');
      await toPreflight(
        page,
        s,
        {
          symptom: /Chystám se obnovit nebo vyměnit certifikát/,
          next: 'Další',
          newZone: 'Oblast pro přetažení nového certifikátu',
          zone: /^Oblast pro přetažení souborů a složek s podklady/,
          password: (n) => `Heslo pro ${n}`,
          unlock: (n) => `Odemknout ${n}`,
          preflight: 'Kontrola před výměnou',
        },
        `renewal-break-cs-${testInfo.project.name}`,
      );
      const verdict = page.getByRole('region', { name: 'Nový certifikát předávání pošty rozbije' });
      await expect(verdict).toBeVisible();
      await expect(verdict.getByText(/^Kvůli 1 neúspěšné kontrole: /)).toBeVisible();
      const check = page.getByRole('article').filter({ has: page.getByText('Selže', { exact: true }) });
      await expect(check).toHaveCount(1);
      expect(await seriousViolations(page), 'pre-flight, will break, cs').toEqual([]);
      await page.screenshot({ path: join(SHOTS, `renewal-break-cs-${testInfo.project.name}.png`), fullPage: true });
    });
  });
});

test('evidence first: what a send log answers is shown as answered, and the chain-only path asks nothing', async ({ window: page }, testInfo) => {
  mkdirSync(SHOTS, { recursive: true });
  const log = join(ROOT, 'test', 'fixtures', 'smtp', 'exchange-send-5.7.64-cert-sent.log');
  await page.getByRole('radio', { name: /A line in a send or protocol log/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Evidence' })).toBeVisible();
  await dropFiles(page, [log], EN.zone);
  await expect(page.getByRole('button', { name: 'Next' })).toBeEnabled({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your environment' })).toBeVisible();
  const answered = page.getByRole('group', { name: 'Which system relays the mail to Exchange Online?' });
  await expect(answered.getByText('Answered by your evidence')).toBeVisible();
  await expect(answered.getByRole('radio')).toHaveCount(0);
  expect(await seriousViolations(page), 'questions after the evidence').toEqual([]);
  await page.screenshot({ path: join(SHOTS, `evidence-first-questions-${testInfo.project.name}.png`), fullPage: true });
  await answered.getByRole('button', { name: /^Change the answer to/ }).click();
  await expect(page.getByRole('radio', { name: 'Exchange Server' })).toBeVisible();
  await page.getByRole('button', { name: 'Use what the evidence says' }).click();
  await expect(answered.getByText('Answered by your evidence')).toBeVisible();

  // Start again on the chain-only path: no questions at all, straight to the findings.
  await page.getByRole('button', { name: 'What do you see?' }).click();
  await page.getByRole('radio', { name: /Just check my certificate chain/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Findings' })).toBeVisible();
  const steps = page.getByRole('navigation', { name: 'Wizard steps' });
  await expect(steps.getByRole('button', { name: /Your environment/ })).toHaveCount(0);
  await expect(steps.getByText('Step 3 of 5')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, `chain-only-findings-${testInfo.project.name}.png`), fullPage: true });
});
