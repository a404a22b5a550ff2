import { format } from '../i18n/format';
import type { Locale } from '../i18n/locales';

/** Looks up a script message; `{0}`, `{1}` … stay in the text for PowerShell's `-f` operator at run time. */
export type PsMessages = (key: string, params?: Readonly<Record<string, string | number>>) => string;

const POSITIONAL = { 0: '{0}', 1: '{1}', 2: '{2}', 3: '{3}', 4: '{4}', 5: '{5}' } as const;

/**
 * Script messages live in the `ps` catalog area (ICU). Positional arguments `{0}` … are filled at run time by
 * PowerShell (`$text -f $value`); named ones are filled now, at generation. Either way the resulting text
 * enters the script only through the ScriptWriter, i.e. quoted.
 */
export function psMessages(locale: Locale): PsMessages {
  return (key, params = {}) => format(locale, key, { ...POSITIONAL, ...params });
}
