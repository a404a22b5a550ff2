import { describe, expect, it } from 'vitest';
import { catalog } from '../../../../shared/i18n/catalog';
import { LOCALES } from '../../../../shared/i18n/locales';
import { psMessages } from '../../../../shared/powershell/messages';

describe('psMessages', () => {
  for (const locale of LOCALES) {
    it(`leaves only {0}…{5} braces in every ${locale} script message, so PowerShell's -f cannot throw`, () => {
      const m = psMessages(locale);
      const keys = Object.keys(catalog(locale)).filter((k) => k.startsWith('ps.') && !k.endsWith('.title') && !k.endsWith('.detail'));
      expect(keys.length).toBeGreaterThan(50);
      for (const key of keys) {
        const text = m(key, { at: '2026-11-28T12:00:00Z', causes: 'cause.x', script: 'fix.ps1' });
        expect(text.replace(/\{[0-5]\}/g, ''), key).not.toMatch(/[{}]/);
        expect(text, key).not.toMatch(/[\r\n\u0000]/);
      }
    });
  }

  it('keeps positional placeholders for run time and fills named ones now', () => {
    expect(psMessages('en')('ps.import.alreadyPresent')).toBe('Already present, skipped: {0} ({1})');
    expect(psMessages('cs')('ps.common.generated', { at: 'T', causes: 'C' })).toBe('Vytvořeno T pro: C');
    // The unblock hint names the script it is in (fix.ps1 or switch-over.ps1).
    expect(psMessages('en')('ps.common.unblock', { script: 'switch-over.ps1' })).toContain('Unblock-File .\\switch-over.ps1 first');
  });
});
