import { format, has } from '../i18n/format';
import type { TimeZone } from '../i18n/dates';
import type { Locale } from '../i18n/locales';
import type { Params } from '../model/finding';
import { plainParams } from './plain-params';

/** A finding or cause as a report carries it: an id, its params and the text written when it was made. */
export interface ReportEntry {
  readonly id: string;
  readonly params?: Params;
  readonly title: string;
  readonly detail: string;
}

/**
 * A finding's or cause's title or detail in the reader's language, its params in plain words (plain-params.ts:
 * dates in the reader's zone, TlsCertificateName values spelled out) — never the id. The report's own text (written in the report's locale, dates in UTC) is the fallback: a saved
 * report can lack a param a newer catalog asks for, and ICU refuses such a message.
 */
export function entryText(locale: Locale, entry: ReportEntry, part: 'title' | 'detail', timeZone?: TimeZone): string {
  const key = `${entry.id}.${part}`;
  const fallback = entry[part];
  if (!has(locale, key)) return fallback;
  try {
    return format(locale, key, plainParams(entry.params, locale, timeZone));
  } catch {
    return fallback;
  }
}
