import { PRODUCTION_CSP } from '../../electron/main/csp';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { dropFiles, FIXTURES, toEvidenceStep } from './helpers';

/**
 * The page as main serves it on app:// (the harness answers through the same handler): the CSP comes as a
 * response header, and the app still works under it, its analysis worker included.
 */
test('the page arrives with main’s CSP header and its worker runs under it', async ({ window: page }) => {
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (v: string) => void violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const response = await page.reload();
  expect(response?.headers()['content-security-policy']).toBe(PRODUCTION_CSP);
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');

  await toEvidenceStep(page, /Just check my certificate chain/);
  await dropFiles(page, [join(FIXTURES, 'certs', 'leaf-only.cer')], /Drop zone/);
  // Read by the analysis worker: had the header CSP blocked it, no row would say what the file is.
  await expect(page.getByRole('row', { name: /leaf-only\.cer/ }).getByText('Certificates')).toBeVisible({ timeout: 30_000 });
  expect(violations).toEqual([]);
});
