import { format, type MessageParams } from '../../../shared/i18n/format';
import { SOURCE_LOCALE, type Locale } from '../../../shared/i18n/locales';
import { formatSize } from '../../../shared/i18n/sizes';

/**
 * The renderer's current language. It lives in one $state so that every `t()` call made while rendering
 * re-runs when the language changes; which language that is (OS, remembered choice) is decided by Settings.
 */
const current = $state<{ locale: Locale }>({ locale: SOURCE_LOCALE });

export function getLocale(): Locale {
  return current.locale;
}

export function setLocale(locale: Locale): void {
  current.locale = locale;
}

/**
 * Translates a catalog key (shared/i18n/locales/<lang>/*.json) in the current language. A message whose
 * params do not fit (an engine finding missing one) comes back as its key: a visible gap beats a UI that
 * stops rendering.
 */
export function t(key: string, params?: MessageParams): string {
  try {
    return format(current.locale, key, params);
  } catch {
    return key;
  }
}

/**
 * Human-readable byte count in the current language (`1.2 MB`, `1,2 MB`). Bytes are spelled out, as Explorer
 * does ("200 bytes", "200 bajtů"): the short English form has no plural ("200 byte").
 */
export function formatBytes(bytes: number): string {
  return formatSize(current.locale, bytes);
}
