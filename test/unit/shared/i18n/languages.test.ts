import { describe, expect, it } from 'vitest';
import { catalog } from '../../../../shared/i18n/catalog';
import { format } from '../../../../shared/i18n/format';
import { LOCALES, resolveLocale, SOURCE_LOCALE, type Locale } from '../../../../shared/i18n/locales';
import { richText } from '../../../../shared/guide/rich';

/**
 * The Windows names from windows-ui-terms.md (rows marked ✔✔ where available): a guide that tells an admin
 * where to click must use what their localized Windows shows.
 */
const WINDOWS_NAMES: Record<Exclude<Locale, 'en'>, { intermediateCAs: string; trustedRootCAs: string; eventViewer: string; appsAndServicesLogs: string; certificationPath: string }> = {
  cs: { intermediateCAs: 'Zprostředkující certifikační autority', trustedRootCAs: 'Důvěryhodné kořenové certifikační autority', eventViewer: 'Prohlížeč událostí', appsAndServicesLogs: 'Protokoly aplikací a služeb', certificationPath: 'Cesta k certifikátu' },
  de: { intermediateCAs: 'Zwischenzertifizierungsstellen', trustedRootCAs: 'Vertrauenswürdige Stammzertifizierungsstellen', eventViewer: 'Ereignisanzeige', appsAndServicesLogs: 'Anwendungs- und Dienstprotokolle', certificationPath: 'Zertifizierungspfad' },
  fr: { intermediateCAs: 'Autorités de certification intermédiaires', trustedRootCAs: 'Autorités de certification racines de confiance', eventViewer: "Observateur d'événements", appsAndServicesLogs: 'Journaux des applications et des services', certificationPath: "Chemin d'accès de certification" },
  es: { intermediateCAs: 'Entidades de certificación intermedias', trustedRootCAs: 'Entidades de certificación raíz de confianza', eventViewer: 'Visor de eventos', appsAndServicesLogs: 'Registros de aplicaciones y servicios', certificationPath: 'Ruta de certificación' },
  pl: { intermediateCAs: 'Pośrednie urzędy certyfikacji', trustedRootCAs: 'Zaufane główne urzędy certyfikacji', eventViewer: 'Podgląd zdarzeń', appsAndServicesLogs: 'Dzienniki aplikacji i usług', certificationPath: 'Ścieżka certyfikacji' },
};

const translated = LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== SOURCE_LOCALE);

describe('languages', () => {
  it('maps OS and CLI locale tags to the shipped languages', () => {
    expect(resolveLocale('de-DE')).toBe('de');
    expect(resolveLocale('de_AT.UTF-8')).toBe('de');
    expect(resolveLocale('fr_FR.UTF-8')).toBe('fr');
    expect(resolveLocale('fr-CA')).toBe('fr');
    expect(resolveLocale('es-419')).toBe('es');
    expect(resolveLocale('es_ES@euro')).toBe('es');
    expect(resolveLocale('pl-PL')).toBe('pl');
    expect(resolveLocale('cs_CZ.UTF-8')).toBe('cs');
    expect(resolveLocale('C')).toBe('en');
    expect(resolveLocale('pt-BR')).toBe('en');
    expect(resolveLocale('pseudo')).toBe('en');
  });

  for (const locale of translated) {
    const names = WINDOWS_NAMES[locale];

    it(`names the Windows certificate stores and Event Viewer nodes as ${locale} Windows does`, () => {
      for (const [term, name] of Object.entries(names)) expect(format(locale, `winui.${term}`), term).toBe(name);
    });

    it(`tells ${locale} admins to import into the localized intermediate store, in guide, remediation and script`, () => {
      expect(richText(locale, 'guide.import.manual4')).toContainEqual({ ui: names.intermediateCAs });
      expect(richText(locale, 'guide.import.why')).toContainEqual({ ui: names.intermediateCAs });
      expect(richText(locale, 'guide.collect.manual1')).toContainEqual({ ui: names.eventViewer });
      expect(format(locale, 'remediation.importIntermediates.detail')).toContain(names.intermediateCAs);
      expect(format(locale, 'remediation.importIntermediates.step1', { missingIssuer: 'CN=CA', aiaUrls: 'http://a' })).toContain(names.certificationPath);
      expect(format(locale, 'cause.intermediatesNotSent.detail')).toContain(names.intermediateCAs);
      expect(format(locale, 'ps.import.heading')).toContain(names.intermediateCAs);
    });

    it(`has no ${locale} sentence left in English`, () => {
      // Identical text is fine for names, codes and placeholders; a sentence of four or more English words is not.
      const english = catalog(SOURCE_LOCALE);
      const same = Object.entries(catalog(locale)).filter(
        ([key, text]) => text === english[key] && (text.replace(/\{[^}]*\}/g, '').match(/\b[a-z]{3,}\b/g) ?? []).length >= 4,
      );
      expect(same.map(([key]) => key)).toEqual([]);
    });
  }

  it('names every shipped language in itself, in every language, for the language switch', () => {
    for (const ui of LOCALES) {
      for (const code of LOCALES) expect(format(ui, `ui.language.${code}`), `${ui}:${code}`).toBe(format('en', `ui.language.${code}`));
    }
    expect(LOCALES.map((code) => format('en', `ui.language.${code}`))).toEqual(['English', 'Čeština', 'Deutsch', 'Français', 'Español', 'Polski']);
  });
});
