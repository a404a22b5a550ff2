import { format, has } from '../i18n/format';
import { formatLocal } from '../i18n/dates';
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

/**
 * ps.common.generated's params in plain words (issue 21 item 5): when, in the reader's language and zone with
 * the zone named, and the causes by their titles. An id stays only for a cause whose title cannot be written
 * without params the plan does not carry.
 */
export function generatedParams(plan: { readonly locale: Locale; readonly generatedAt: string; readonly causeIds: readonly string[]; readonly timeZone?: string }): { at: string; causes: string } {
  const title = (id: string): string => {
    if (!has(plan.locale, `${id}.title`)) return id;
    try {
      return format(plan.locale, `${id}.title`, {});
    } catch {
      return id;
    }
  };
  return { at: generatedAtText(plan.generatedAt, plan.locale, plan.timeZone), causes: plan.causeIds.map(title).join('; ') || '-' };
}

/**
 * When a script was made, for its header: in the reader's language and zone, the zone named. A saved report's
 * timestamp is data: one that is not a date is written as it is (the writer spells out its controls).
 */
export function generatedAtText(iso: string, locale: Locale, timeZone?: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : formatLocal(iso, locale, timeZone);
}
