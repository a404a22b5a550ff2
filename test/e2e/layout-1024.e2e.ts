import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, ROOT } from './fixtures';
import { dropFiles, dropBytes, FIXTURES } from './helpers';

const SHOTS = join(ROOT, 'test-results', 'screenshots');

// Issue 21 item 6 at 1024 px, the width of a small admin laptop or a remote-desktop window.
const LANGS = {
  en: {
    os: 'en-US', start: 'What do you see?', ndr: /A non-delivery report/, evidence: 'Evidence', fix: 'Fix and export', next: 'Next',
    zone: /Drop zone/, severity: 'Severity', contents: 'Contents', removeAll: 'Remove all', sortByName: 'Sort by Name', read: 'Read: 2',
  },
  cs: {
    os: 'cs-CZ', start: 'Co vidíte?', ndr: /Zprávu o nedoručení/, evidence: 'Podklady', fix: 'Oprava a export', next: 'Další',
    zone: /Oblast pro přetažení/, severity: 'Závažnost', contents: 'Obsah', removeAll: 'Odebrat vše', sortByName: 'Seřadit podle: Název', read: 'Načteno: 2',
  },
} as const;

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** How many line boxes an element's text takes: 1 means no word of it was broken onto a second line. */
async function lineCount(cell: Locator): Promise<number> {
  return cell.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
}

/** The Back/Next bar lies wholly inside the window. */
async function barInView(page: Page, next: Locator): Promise<boolean> {
  const box = await next.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return !!box && box.y >= 0 && box.y + box.height <= height;
}

for (const [lang, l] of Object.entries(LANGS)) {
  test.describe(`layout at 1024 px (${lang})`, () => {
    test.use({ osLocale: l.os });

    test(`evidence list, Back/Next, headings and the guide's tables read well (${lang})`, async ({ window: page }, testInfo) => {
      mkdirSync(SHOTS, { recursive: true });
      await page.setViewportSize({ width: 1024, height: 700 });
      const next = page.getByRole('button', { name: l.next, exact: true });
      const heading = page.locator('h2[tabindex="-1"]');

      // The step order is the wizard's business: walk Next until each step this test needs is reached.
      for (let i = 0; i < 8; i++) {
        const title = (await heading.textContent())?.trim();
        if (title === l.start) await page.getByRole('radio', { name: l.ndr }).check();
        if (title === l.evidence) break;
        await next.click();
      }

      // A step heading focused after a click on Next shows no focus box.
      await expect(heading).toBeFocused();
      expect(await heading.evaluate((h) => getComputedStyle(h).outlineStyle)).toBe('none');

      await dropFiles(page, [join(FIXTURES, 'certs', 'leaf-only.cer'), join(FIXTURES, 'smtp', 'exchange-send-5.7.64-cert-sent.log')], l.zone);
      await dropBytes(page, [{ name: 'C:\\ExchangeLogs\\TransportRoles\\Logs\\Hub\\ProtocolLog\\SmtpSend\\notes-2026-11-28.bin', bytes: new Uint8Array([1, 2, 3]) }], l.zone);
      await expect(next).toBeEnabled({ timeout: 30_000 });
      await expect(page.getByRole('listitem').filter({ hasText: l.read })).toBeVisible();
      const table = page.getByRole('table').first();
      await table.getByRole('button', { name: l.sortByName }).click();
      await expect(table.getByRole('columnheader').first()).toHaveAttribute('aria-sort', 'ascending');
      // The long path wraps at its backslashes: no line of it ends inside a folder name.
      const path = table.getByRole('rowheader').filter({ hasText: 'notes-2026' });
      const pieces = await path.locator('.file-name').evaluate((el) => {
        const range = document.createRange();
        return [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent)
          .map((n) => {
            range.selectNodeContents(n);
            const tops = [...range.getClientRects()].map((r) => Math.round(r.top));
            return { text: n.textContent ?? '', top: tops[0] ?? 0, lines: new Set(tops).size };
          });
      });
      expect(pieces.map((p) => p.text).join('')).toBe('C:\\ExchangeLogs\\TransportRoles\\Logs\\Hub\\ProtocolLog\\SmtpSend\\notes-2026-11-28.bin');
      // More than one line, and each piece (ending at a separator) on one line: no folder name is split.
      expect(new Set(pieces.map((p) => p.top)).size).toBeGreaterThan(1);
      for (const piece of pieces) expect(piece.lines, piece.text).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `layout-evidence-1024-${lang}-${testInfo.project.name}.png`), fullPage: true });

      for (let i = 0; i < 8; i++) {
        if ((await heading.textContent())?.trim() === l.fix) break;
        // Keyboard this time: Next pressed with Enter, so the new step's heading shows its focus ring.
        await next.focus();
        await page.keyboard.press('Enter');
      }
      await expect(heading).toBeFocused();
      expect(await heading.evaluate((h) => getComputedStyle(h).outlineStyle)).not.toBe('none');

      const guide = page.getByRole('article');
      await expect(guide.getByRole('navigation', { name: l.contents })).toBeVisible({ timeout: 30_000 });
      // "Severity" is one word on one line, not "Sev erit y".
      const severity = guide.getByRole('columnheader', { name: l.severity, exact: true });
      await expect(severity).toBeVisible();
      expect(await lineCount(severity)).toBe(1);
      for (const header of await guide.getByRole('columnheader').all()) expect(await lineCount(header), await header.textContent() ?? '').toBe(1);
      // Back/Next stay in view on this long page, at the top and at the bottom alike.
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await barInView(page, next.or(page.getByRole('button', { name: lang === 'en' ? 'Back' : 'Zpět', exact: true })).first())).toBe(true);
      await guide.getByRole('navigation', { name: l.contents }).getByRole('link').last().click();
      expect(await barInView(page, page.getByRole('button', { name: lang === 'en' ? 'Back' : 'Zpět', exact: true }))).toBe(true);
      // What the admin sees there: the window (Back/Next stuck to its bottom) and the guide's evidence tables.
      await page.screenshot({ path: join(SHOTS, `layout-fix-window-1024-${lang}-${testInfo.project.name}.png`) });
      await guide.locator('section').nth(1).screenshot({ path: join(SHOTS, `layout-guide-tables-1024-${lang}-${testInfo.project.name}.png`) });
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `layout-fix-1024-${lang}-${testInfo.project.name}.png`), fullPage: true });
    });
  });
}
