import { describe, expect, it } from 'vitest';
import { format, has } from '../../../../shared/i18n/format';
import { LOCALES } from '../../../../shared/i18n/locales';
import { JUDGE_RULES } from '../../../../shared/x509/judge/index';
import { analyze, MOZILLA } from './analyze-helpers';

describe('x509 texts', () => {
  it('has a title and detail for every chain and certificate rule in every language', () => {
    for (const locale of LOCALES) {
      for (const rule of JUDGE_RULES) {
        expect(has(locale, `${rule.id}.title`), `${locale} ${rule.id}`).toBe(true);
        expect(has(locale, `${rule.id}.detail`), `${locale} ${rule.id}`).toBe(true);
      }
    }
  });

  it('formats every finding the fixtures produce with all its arguments filled in', async () => {
    const outs = await Promise.all([
      analyze(['leaf-only.pem']),
      analyze(['chain-with-root.pem', 'chain-with-unrelated.pem'], { anchors: MOZILLA }),
      analyze(['chain-wrong-order.pem', 'leaf-sha1.pem', 'leaf-rsa1024.pem'], { expectName: 'smtp.fabrikam.com' }),
      analyze(['leaf-expired.pem', 'leaf-serverauth-only.pem', 'self-signed-leaf.pem']),
      analyze(['chain-renewed-intermediates.pem', 'leaf-bad-signature.cer'], { now: new Date('2044-12-20T00:00:00Z') }),
      analyze(['chain-complete.pem'], { now: new Date('2024-01-01T00:00:00Z'), expectName: 'a.*.com' }),
    ]);
    const findings = outs.flatMap((o) => o.findings);
    expect([...new Set(findings.map((f) => f.id))].sort()).toEqual(JUDGE_RULES.map((r) => r.id).sort());
    for (const locale of LOCALES) {
      for (const f of findings) {
        for (const part of ['title', 'detail']) {
          const text = format(locale, `${f.id}.${part}`, f.params);
          expect(text, `${locale} ${f.id}.${part}`).not.toMatch(/[{}]|^chain\.|^cert\./);
        }
      }
    }
  });
});
