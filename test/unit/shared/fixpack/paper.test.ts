import { describe, expect, it } from 'vitest';
import { paperForLocale, parsePaperSize } from '../../../../shared/fixpack/paper';

describe('paperForLocale (the guide PDF\'s default paper)', () => {
  it('prints on Letter in the US and Canada, from BCP 47 tags and POSIX locales alike', () => {
    for (const tag of ['en-US', 'es-US', 'en_US.UTF-8', 'fr-CA', 'fr_CA', 'es-MX', 'en-PH']) expect(paperForLocale(tag), tag).toBe('LETTER');
  });

  it('prints on A4 everywhere else, and when the locale names no region', () => {
    for (const tag of ['en-GB', 'cs-CZ', 'de_DE.UTF-8', 'fr-FR', 'es-ES', 'pl-PL', 'en', 'C', 'C.UTF-8', 'POSIX', 'es-419', '', undefined]) {
      expect(paperForLocale(tag), String(tag)).toBe('A4');
    }
  });

  it('reads a region after a script subtag', () => {
    expect(paperForLocale('zh-Hant-TW')).toBe('A4');
    expect(paperForLocale('en-Latn-US')).toBe('LETTER');
  });
});

describe('parsePaperSize (--paper)', () => {
  it('takes a4 and letter in any case and nothing else', () => {
    expect(parsePaperSize('a4')).toBe('A4');
    expect(parsePaperSize('Letter')).toBe('LETTER');
    expect(parsePaperSize('LETTER')).toBe('LETTER');
    for (const bad of ['b5', 'legal', '', 'a4 letter']) expect(parsePaperSize(bad), bad).toBeUndefined();
  });
});
