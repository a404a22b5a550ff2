import { describe, expect, it } from 'vitest';
import { format } from '../../../../shared/i18n/format';
import { LOCALES } from '../../../../shared/i18n/locales';

/**
 * Plurals go through Intl.PluralRules (intl-messageformat): Polish and Czech pick one/few/many, German,
 * French and Spanish one/other. These are real catalog keys, so a translation that drops a branch fails here.
 */
describe('plural forms', () => {
  it('ships Polish and the other new languages', () => {
    expect(LOCALES).toEqual(expect.arrayContaining(['en', 'cs', 'de', 'fr', 'es', 'pl']));
  });

  const polish: Array<[key: string, params: Record<string, string | number>, counts: Record<number, string>]> = [
    ['cli.export.written', { folder: 'C:\\fix' }, { 1: '(1 plik)', 2: '(2 pliki)', 5: '(5 plików)', 22: '(22 pliki)', 12: '(12 plików)' }],
    ['network.relay.presented', {}, { 1: '1 certyfikat', 2: '2 certyfikaty', 5: '5 certyfikatów', 22: '22 certyfikaty' }],
    ['wizard.fix.report.saved', { folder: 'C:\\fix' }, { 1: '1 plik ', 2: '2 pliki ', 5: '5 plików ', 22: '22 pliki ' }],
    ['eventlog.moreWarnings', {}, { 1: '1 kolejnego problemu', 2: '2 kolejnych problemów', 5: '5 kolejnych problemów', 22: '22 kolejnych problemów' }],
  ];
  for (const [key, params, counts] of polish) {
    it(`formats Polish ${key} for 1, 2, 5 and 22`, () => {
      for (const [n, expected] of Object.entries(counts)) {
        expect(format('pl', key, { ...params, count: Number(n) }), `${key} ${n}`).toContain(expected);
      }
    });
  }

  it('formats Polish days until expiry as dzień / dni', () => {
    const params = { position: 'leaf', subject: 'CN=a', sha1: 'AB', notAfter: '2027-01-01' };
    expect(format('pl', 'cert.expiresSoon.detail', { ...params, days: 1 })).toContain('za 1 dzień.');
    for (const days of [2, 5, 22]) expect(format('pl', 'cert.expiresSoon.detail', { ...params, days })).toContain(`za ${days} dni.`);
  });

  it('formats Polish event counts as zdarzenie / zdarzenia / zdarzeń', () => {
    const params = { computer: 'EX01', reason: 'CERT_E_CHAINING', subject: 'CN=a', process: 'lsass.exe', context: 'tls' };
    const text = (count: number) => format('pl', 'capi2.partialChain.detail', { ...params, count });
    expect(text(1)).toContain('1 zdarzenie)');
    expect(text(2)).toContain('2 zdarzenia)');
    expect(text(5)).toContain('5 zdarzeń)');
    expect(text(22)).toContain('22 zdarzenia)');
  });

  it('formats Czech one / few / many the same way', () => {
    const text = (count: number) => format('cs', 'cli.export.written', { folder: 'C:\\fix', count });
    expect(text(1)).toContain('1 soubor)');
    expect(text(2)).toContain('2 soubory)');
    expect(text(5)).toContain('5 souborů)');
  });

  it('uses one/other in German, French and Spanish, with French counting 0 as singular', () => {
    const text = (locale: 'de' | 'fr' | 'es', count: number) => format(locale, 'cli.export.written', { folder: 'X', count });
    expect(text('de', 1)).toContain('1 Datei)');
    expect(text('de', 22)).toContain('22 Dateien)');
    expect(text('es', 1)).toContain('1 archivo)');
    expect(text('es', 5)).toContain('5 archivos)');
    expect(text('fr', 0)).toContain('0 fichier)');
    expect(text('fr', 1)).toContain('1 fichier)');
    expect(text('fr', 2)).toContain('2 fichiers)');
  });

  it('formats numbers with each language’s digit grouping (Intl.NumberFormat)', () => {
    const loading = (locale: (typeof LOCALES)[number]) => format(locale, 'wizard.evidence.progress.read', { done: 12345, total: 20000 });
    expect(loading('en')).toContain('12,345');
    expect(loading('de')).toContain('12.345');
    expect(loading('es')).toContain('12.345');
    expect(loading('fr')).toMatch(/12\u202F345/);
    expect(loading('pl')).toMatch(/12\u00A0345/);
    expect(loading('cs')).toMatch(/12\u00A0345/);
  });

  it('has every plural in every language formatting for 0, 1, 2, 5, 22 and 1.5 without an error', () => {
    // A branch missing for a count (say Polish "many") would make intl-messageformat fall back or throw.
    const counts = [0, 1, 2, 5, 22, 1.5];
    for (const locale of LOCALES) {
      for (const key of ['cli.summary.inputOk', 'x509.pkcs12.partSkipped', 'smtp.warning.sessionsSkipped', 'settings.warning.unknownRecords', 'ui.case.detail', 'netui.download.result']) {
        for (const n of counts) {
          expect(() => format(locale, key, { count: n, items: n, file: 'f', kind: 'k', when: 'w' }), `${locale}:${key}:${n}`).not.toThrow();
        }
      }
    }
  });
});
