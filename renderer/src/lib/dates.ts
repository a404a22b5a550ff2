import type { MessageParams } from '../../../shared/i18n/format';

/** An ISO-8601 instant as the engine writes it (`2034-10-01T00:00:00.000Z`, offsets allowed). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * A date and time in the user's language and time zone (the zone is named, so a reader abroad knows which).
 * Anything that is not a date comes back unchanged.
 */
export function formatLocal(iso: string, locale: string): string {
  const d = parse(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(d) + zoneSuffix(d, locale);
}

/** The same instant in UTC, for the tooltip and for comparing with logs written in UTC. */
export function formatUtc(iso: string, locale: string): string {
  const d = parse(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC' }).format(d);
}

function zoneSuffix(d: Date, locale: string): string {
  const zone = new Intl.DateTimeFormat(locale, { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName');
  return zone ? ` ${zone.value}` : '';
}

/**
 * Engine params (findings and causes) carry instants as ISO strings; in a sentence the admin reads them in
 * their own language and zone. Other params pass through untouched.
 */
export function localizeDates(params: MessageParams | undefined, locale: string): MessageParams {
  if (!params) return {};
  const out: Record<string, MessageParams[string]> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = typeof value === 'string' && ISO_INSTANT.test(value) ? formatLocal(value, locale) : value;
  }
  return out;
}
