import { describe, expect, it } from 'vitest';
import { format, has } from '../../../../../shared/i18n/format';
import { LOCALES } from '../../../../../shared/i18n/locales';
import { PATH_VIOLATION_IDS } from '../../../../../shared/x509/validate/index';

/** Params as the judge fills them: the certificate's position, subject, thumbprint, leaf, and every rule's own. */
const SAMPLE = {
  position: 'intermediate', index: 1, subject: 'CN=Contoso CA', sha1: 'AB'.repeat(20), leaf: 'CN=relay.contoso.com',
  pathLength: 0, below: 2, keyUsage: ['digitalSignature'], eku: ['Client Authentication'], name: 'relay.fabrikam.com', form: 'dns',
  constrainedBy: 'CN=Contoso Root', constrainedBySha1: 'CD'.repeat(20), constraint: '*.contoso.com', budget: 250000,
  oid: '1.2.3.4', extension: 'authorityInfoAccess', marked: 'critical', authorityKeyId: '0102', issuerSubjectKeyId: '0304',
  issuer: 'CN=Contoso CA', problem: 'negative', octets: 21, version: 1, algorithm: 'DSA', count: 3, limit: 1, commonName: 'relay.contoso.com', bits: 512, minimum: 1024,
};

describe('path validation texts', () => {
  it('has a title and a detail for every path finding in every language, all arguments filled in', () => {
    expect(PATH_VIOLATION_IDS.length).toBeGreaterThan(30);
    for (const locale of LOCALES) {
      for (const id of PATH_VIOLATION_IDS) {
        for (const part of ['title', 'detail']) {
          expect(has(locale, `${id}.${part}`), `${locale} ${id}.${part}`).toBe(true);
          for (const position of ['leaf', 'intermediate', 'root']) {
            const text = format(locale, `${id}.${part}`, { ...SAMPLE, position });
            expect(text, `${locale} ${id}.${part}`).not.toMatch(/[{}]|^chain\.|^cert\./);
          }
        }
      }
    }
  });

  it('names the certificate by subject and thumbprint in every detail about one certificate', () => {
    for (const locale of LOCALES) {
      for (const id of PATH_VIOLATION_IDS.filter((x) => x !== 'chain.tooManyIntermediates')) {
        const text = format(locale, `${id}.detail`, SAMPLE);
        expect(text, `${locale} ${id}`).toContain('CN=Contoso CA');
        expect(text, `${locale} ${id}`).toContain(SAMPLE.sha1);
      }
    }
  });
});
