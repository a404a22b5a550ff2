import type { MessageParams } from './format';

/** An ISO-8601 instant as the engine writes it (`2034-10-01T00:00:00.000Z`, offsets allowed). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * The time zone to show instants in: an IANA name (`Europe/Prague`), or undefined for the zone of the
 * machine the text is made on, which is the admin's own (the CLI, the app). Tests and reports made for
 * someone elsewhere pass it.
 */
export type TimeZone = string | undefined;

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

const zoned = (timeZone: TimeZone) => (timeZone ? { timeZone } : {});

/**
 * A date and time in the reader's language and time zone, the zone named (`1. října 2034 2:00 SELČ`), so a
 * reader abroad or a printed page says which. Anything that is not a date comes back unchanged.
 */
export function formatLocal(iso: string, locale: string, timeZone?: TimeZone): string {
  const d = parse(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', ...zoned(timeZone) }).format(d) + zoneSuffix(d, locale, timeZone);
}

/** A day in the reader's language (a certificate's expiry: the hour is noise there). */
export function formatLocalDate(iso: string, locale: string, timeZone?: TimeZone): string {
  const d = parse(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...zoned(timeZone) }).format(d);
}

/** The same instant in UTC, for the tooltip and for comparing with logs written in UTC. */
export function formatUtc(iso: string, locale: string): string {
  const d = parse(iso);
  if (!d) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'long', timeZone: 'UTC' }).format(d);
}

function zoneSuffix(d: Date, locale: string, timeZone: TimeZone): string {
  const zone = new Intl.DateTimeFormat(locale, { timeZoneName: 'short', ...zoned(timeZone) }).formatToParts(d).find((p) => p.type === 'timeZoneName');
  return zone ? ` ${zone.value}` : '';
}

/**
 * Engine params (findings and causes) carry instants as ISO strings; in a sentence the admin reads them in
 * their own language and zone. Other params pass through untouched.
 */
export function localizeDates(params: MessageParams | undefined, locale: string, timeZone?: TimeZone): MessageParams {
  if (!params) return {};
  const out: Record<string, MessageParams[string]> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = typeof value === 'string' && ISO_INSTANT.test(value) ? formatLocal(value, locale, timeZone) : value;
  }
  return out;
}
