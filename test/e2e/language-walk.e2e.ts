import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, ROOT } from './fixtures';
import { dropFiles, FIXTURES, screenshotWholeStep } from './helpers';

/**
 * Issue 21 item 7: every step of both paths (a failure with its evidence, a renewal) in each of the six
 * languages, as an administrator reads it at 1024 px. Each step is screenshotted into test-results/screenshots
 * for a reader to look at, and checked for what a reader must never see: a catalog id, an ISO timestamp, a raw
 * enum in a sentence, text cut off at the window's edge. Every folded area is opened first, so its text counts.
 */
const SHOTS = join(ROOT, 'test-results', 'screenshots', 'language-walk');
const LOCALES = join(ROOT, 'shared', 'i18n', 'locales');
const RENEWAL = join(ROOT, 'test', 'scenarios', 'preflight', 'healthy-renewal-same-issuer');
const OS: Record<string, string> = { en: 'en-US', cs: 'cs-CZ', de: 'de-DE', fr: 'fr-FR', es: 'es-ES', pl: 'pl-PL' };

/** The language's own words for the controls the walk presses, straight from its catalogs. */
function words(lang: string) {
  const read = (area: string) => {
    const catalog = JSON.parse(readFileSync(join(LOCALES, lang, `${area}.json`), 'utf8')) as Record<string, string>;
    return (key: string): string => {
      const text = catalog[key];
      if (text === undefined) throw new Error(`${lang}/${area}.json has no ${key}`);
      return text;
    };
  };
  const ui = read('ui');
  const renewal = read('renewal');
  const exact = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  return {
    next: ui('ui.common.next'),
    ndr: exact(ui('wizard.start.symptom.ndr')),
    renewal: exact(ui('wizard.start.symptom.renewal')),
    zone: exact(ui('wizard.evidence.dropZone.label')),
    newZone: exact(renewal('renewal.newCertificate.zone')),
    password: (name: string) => ui('wizard.evidence.password.field').replace('{name}', name),
    unlock: (name: string) => ui('wizard.evidence.password.unlockFile').replace('{name}', name),
    fix: ui('wizard.fix.title'),
  };
}

/** What the visible text of a step must not contain, each with the reason a reader would stumble. */
// File names of the pack (guide.md, report.json) share the shape of an id and are left out by their extension.
const NEVER: Array<[RegExp, string]> = [
  [/\b(?:wizard|cause|preflight|renewal|finding|fixpack|ui|trust|guide|switchover|comparison|diagnosis)\.(?!(?:md|html|pdf|ps1|json|zip)\b)[a-z][A-Za-z]*(?:\.[A-Za-z]+)*\b/, 'a catalog id'],
  [/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, 'an ISO timestamp'],
  [/\{[a-zA-Z]+\}/, 'an unfilled placeholder'],
  [/\b(?:undefined|null|NaN|\[object Object\])\b/, 'a raw JavaScript value'],
];

/** Opens every folded area of the step, so the check reads all of its text. */
async function unfoldAll(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('main details')) (d as HTMLDetailsElement).open = true;
  });
}

/** Elements whose text runs past the right edge of the window (cut off at 1024 px), by their start. */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.querySelectorAll('main *')) {
      const box = el.getBoundingClientRect();
      // Scrollable code boxes (the scripts' previews) keep their lines whole on purpose.
      if (box.width === 0 || el.closest('pre, code, textarea, iframe, [data-scroll-x]')) continue;
      if (box.right > width + 1) out.push(`${el.tagName.toLowerCase()}: ${(el.textContent ?? '').trim().slice(0, 60)}`);
    }
    return out;
  });
}

/**
 * The step's visible prose: every rendered text node except the previews of the pack's own files (the scripts
 * and report.json in pre/code/textarea), which are machine-readable on purpose and keep ids and UTC times.
 */
async function proseOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('pre, code, textarea, iframe, script, style')) continue;
      if (parent.getClientRects().length === 0) continue;
      parts.push(node.textContent ?? '');
    }
    return parts.join(' ');
  });
}

async function checkStep(page: Page, lang: string, path: string, index: number): Promise<string> {
  await unfoldAll(page);
  const title = (await page.getByRole('heading', { level: 2 }).first().textContent())?.trim() ?? '';
  const text = await proseOf(page);
  for (const [pattern, what] of NEVER) expect(text.match(pattern)?.[0] ?? null, `${lang} ${path} "${title}": ${what}`).toBeNull();
  expect(await cutOff(page), `${lang} ${path} "${title}": cut off at 1024 px`).toEqual([]);
  await screenshotWholeStep(page, join(SHOTS, `${lang}-${path}-${index}.png`));
  return title;
}

/** Presses Next through every step to the last, checking each step on the way. */
async function walk(page: Page, lang: string, path: string, next: string): Promise<string[]> {
  const seen: string[] = [];
  const button = page.getByRole('button', { name: next, exact: true });
  for (let i = 1; i < 10; i++) {
    const title = await checkStep(page, lang, path, i);
    seen.push(title);
    if ((await button.count()) === 0) break;
    await expect(button).toBeEnabled({ timeout: 30_000 });
    await button.click();
    await expect(page.getByRole('heading', { level: 2 }).first()).not.toHaveText(title, { timeout: 30_000 });
  }
  return seen;
}

for (const lang of Object.keys(OS)) {
  test.describe(`every step read in ${lang}`, () => {
    // The renewal scenario's own date: its certificates are judged as of then, not by the real clock.
    test.use({ osLocale: OS[lang] ?? lang, trustedRoots: [join(RENEWAL, '_args', 'root.pem')], clockAt: '2026-11-20T10:00:00Z' });
    test.beforeEach(async ({ window: page }) => {
      mkdirSync(SHOTS, { recursive: true });
      await page.setViewportSize({ width: 1024, height: 768 });
    });

    test(`a failure path (NDR, a leaf-only certificate) has no ids, ISO dates or cut-off text (${lang})`, async ({ window: page }) => {
      const w = words(lang);
      await checkStep(page, lang, 'failure', 0);
      await page.getByRole('radio', { name: w.ndr }).check();
      await page.getByRole('button', { name: w.next, exact: true }).click();
      await dropFiles(page, [join(FIXTURES, 'certs', 'leaf-only.cer')], w.zone);
      const seen = await walk(page, lang, 'failure', w.next);
      expect(seen.at(-1)).toBe(w.fix);
    });

    test(`the renewal path (a new PFX, today's evidence) has no ids, ISO dates or cut-off text (${lang})`, async ({ window: page }) => {
      const w = words(lang);
      const expected = JSON.parse(readFileSync(join(RENEWAL, 'expected.json'), 'utf8')) as { new: string; args: { password: string } };
      const current = readdirSync(RENEWAL).filter((f) => f !== 'expected.json' && f !== '_args' && f !== expected.new);
      await page.getByRole('radio', { name: w.renewal }).check();
      await page.getByRole('button', { name: w.next, exact: true }).click();
      await dropFiles(page, [join(RENEWAL, expected.new)], w.newZone);
      await page.getByLabel(w.password(expected.new)).fill(expected.args.password);
      await page.getByRole('button', { name: w.unlock(expected.new) }).click();
      await expect(page.getByLabel(w.password(expected.new))).toHaveCount(0, { timeout: 30_000 });
      await dropFiles(page, current.map((f) => join(RENEWAL, f)), w.zone);
      const seen = await walk(page, lang, 'renewal', w.next);
      expect(seen.at(-1)).toBe(w.fix);
    });
  });
}
