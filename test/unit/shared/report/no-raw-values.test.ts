import { describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runAnalysis } from '../../../../shared/engine/run';
import { renderTextSummary } from '../../../../shared/report/text-summary';
import { PSEUDO_LOCALE } from '../../../../shared/i18n/pseudo';
import { LOCALES, type Locale } from '../../../../shared/i18n/locales';
import type { Report } from '../../../../shared/model/report';
import type { TrustAnchor } from '../../../../shared/model/analyzer';

/**
 * What `relay-doctor analyze` prints is read by people: an enum the report stores (a trust store, a chain
 * status, a severity, a confidence) or a catalog id must reach the terminal through a catalog message.
 * In the pseudo-locale every catalog word is accented, so a plain ASCII enum word left in a line was
 * printed as-is by code.
 */
const ENUMS = ['mozilla', 'system', 'user', 'complete', 'incomplete', 'untrusted', 'certain', 'likely', 'possible', 'critical', 'high', 'medium', 'low', 'info'];
const RAW = new RegExp(`(?<![\\p{L}\\p{N}_.-])(?:${ENUMS.join('|')})(?![\\p{L}\\p{N}_.-])`, 'u');
const CATALOG_ID = /(?<![\p{L}\p{N}_.-])(?:cause|chain|cert|capi2|smtp|remediation|severity|confidence|kind|verdict|cli)\.[A-Za-z]/u;

const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url))));
const derBase64 = (name: string) => Buffer.from(new X509Certificate(fixture(name)).raw).toString('base64');

/** Real artifacts under neutral names (a file name is a value, and `chain-complete.pem` would read as an enum). */
async function reportFor(store: TrustAnchor['store'], files: readonly string[], locale: Locale = 'en'): Promise<Report> {
  const inputs = files.map((f, i) => ({ name: `evidence-${i + 1}${f.slice(f.lastIndexOf('.'))}`, bytes: fixture(f) }));
  const { report } = await runAnalysis(inputs, {
    locale,
    now: new Date('2026-06-01T00:00:00Z'),
    trustAnchors: [{ derBase64: derBase64('certs/root.pem'), store }],
  });
  return report;
}

/** The summary's signature takes a shipped language; format() renders the pseudo-locale all the same. */
const PSEUDO = PSEUDO_LOCALE as unknown as Locale;

const STORES: readonly TrustAnchor['store'][] = ['mozilla', 'system', 'user'];
const EVIDENCE = ['certs/leaf-only.pem', 'certs/chain-complete.pem', 'ndr/exchange-onprem-5.7.64.eml', 'smtp/exchange-send-5.7.64-cert-sent.log'];

describe('no raw values in the CLI summary', () => {
  for (const store of STORES) {
    it(`names the ${store} trust store, chain statuses, severities and confidences through the catalog`, async () => {
      const report = await reportFor(store, EVIDENCE);
      expect(report.chains.map((c) => c.trustStore)).toContain(store);
      expect(report.chains.length).toBeGreaterThan(0);
      const lines = renderTextSummary(report, PSEUDO).split('\n');
      expect(lines.filter((l) => RAW.test(l))).toEqual([]);
      expect(lines.filter((l) => CATALOG_ID.test(l))).toEqual([]);
    });
  }

  it('puts each language’s own name of the trust store in the chain line', async () => {
    const report = await reportFor('user', ['certs/chain-complete.pem']);
    const summary = (locale: Locale) => renderTextSummary(report, locale);
    expect(summary('en')).toContain('judged against the roots you added)');
    expect(summary('cs')).toContain('posouzeno podle kořenových certifikátů, které jste přidali)');
    expect(summary('de')).toContain('Vertrauen geprüft gegen die von Ihnen hinzugefügten Stammzertifikate)');
    for (const locale of LOCALES) expect(summary(locale), locale).not.toMatch(/\buser\b/);
  });
});
