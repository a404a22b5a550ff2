import { describe, expect, it } from 'vitest';
import { format } from '../../../../shared/i18n/format';
import { formatSize } from '../../../../shared/i18n/sizes';
import { LOCALES } from '../../../../shared/i18n/locales';
import { tooLargeBytes, tooManyItems } from '../../../../shared/model/input';

// Intl puts no-break spaces between number and unit (and in Czech, French and Polish thousands): compare words.
const plain = (s: string) => s.replace(/\s/g, ' ');
const say = (locale: (typeof LOCALES)[number], key: string, params: Parameters<typeof format>[2]) => plain(format(locale, key, params));

describe('sizes in plain words (issue 21 item 5)', () => {
  it('prints a byte count in the units and decimal mark of each language', () => {
    expect(plain(formatSize('en', 64 * 1024 * 1024))).toBe('64 MB');
    expect(plain(formatSize('en', 1536))).toBe('1.5 kB');
    expect(plain(formatSize('cs', 1536))).toBe('1,5 kB');
    expect(plain(formatSize('fr', 2 * 1024 ** 3))).toBe('2 Go');
    expect(plain(formatSize('de', 12))).toBe('12 Byte');
  });

  it('a file over the byte limit names the limit as a size, in every language', () => {
    const { params } = tooLargeBytes(2 * 1024 ** 3);
    const expected = {
      en: 'The file is larger than the configured limit of 2 GB.',
      cs: 'Soubor je větší než nastavený limit 2 GB.',
      de: 'Die Datei ist größer als die eingestellte Grenze von 2 GB.',
      fr: 'Le fichier dépasse la limite configurée de 2 Go.',
      es: 'El archivo supera el límite configurado de 2 GB.',
      pl: 'Plik przekracza skonfigurowany limit 2 GB.',
    } as const;
    for (const locale of LOCALES) expect(say(locale, 'input.tooLarge.detail', params)).toBe(expected[locale]);
  });

  it('an archive with too many entries counts entries, not bytes', () => {
    const { params } = tooManyItems('entries', 10_000);
    expect(say('en', 'input.tooLarge.detail', params)).toBe('The archive holds more than the 10,000 entries Relay Doctor reads from one archive.');
    expect(say('de', 'input.tooLarge.detail', params)).toBe('Das Archiv enthält mehr als die 10.000 Einträge, die Relay Doctor aus einem Archiv liest.');
    for (const locale of LOCALES) expect(say(locale, 'input.tooLarge.detail', params)).not.toMatch(/byte|bajt|octet|\bB\b/i);
    expect(say('pl', 'input.tooLarge.detail', tooManyItems('sessions', 5_000_000).params)).toContain('5 000 000 sesji SMTP');
  });

  it('a refused evidence file, an AIA answer and a damaged event record say sizes, not raw byte counts', () => {
    expect(say('en', 'evidence.tooLarge.detail', { name: 'a.log', limitBytes: 64 * 1024 * 1024 })).toBe('a.log is larger than the limit of 64 MB and was not opened.');
    expect(say('pl', 'evidence.tooLarge.detail', { name: 'a.log', limitBytes: 64 * 1024 * 1024 })).toBe('a.log przekracza limit 64 MB i nie został otwarty.');
    const aia = { url: 'http://x', contentType: 'text/html', sizeBytes: 1536 };
    expect(say('cs', 'network.aiaNotCertificate.detail', aia)).toContain('(typ obsahu „text/html“, 1,5 kB)');
    expect(say('es', 'network.aiaNotCertificate.detail', aia)).toContain('(tipo de contenido «text/html», 1,5 kB)');
    expect(say('fr', 'network.aiaTooLarge.detail', { url: 'http://x', limitBytes: 1024 * 1024 })).toContain('plus de 1 Mo ;');
    expect(say('de', 'eventlog.evtx.recordBadSize', { record: 7, chunk: 2, sizeBytes: 12 })).toContain('(12 Byte)');
  });

  it('leaves a number param that is not named …Bytes as the catalog formats it', () => {
    expect(say('en', 'input.tooManyCertificates.detail', { count: 2048, limit: 1024 })).toContain('at most 1,024 from one file');
  });
});
