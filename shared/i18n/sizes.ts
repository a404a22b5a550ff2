import type { DisplayLocale } from './format';
import { PSEUDO_INTL_LOCALE, PSEUDO_LOCALE } from './pseudo';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * A byte count as the admin reads it, in their language: `64 MB`, `1,5 GB`, `12 bytes` (issue 21 item 5).
 * Binary steps (1 KB = 1024 bytes, as Windows Explorer counts), one decimal above bytes. Bytes are spelled out,
 * as Explorer does ("200 bytes", "200 bajtů"): the short English form has no plural ("200 byte").
 */
export function formatSize(locale: DisplayLocale, bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale === PSEUDO_LOCALE ? PSEUDO_INTL_LOCALE : locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/**
 * Params named `…Bytes` (`limitBytes`, `sizeBytes`) are byte counts: format() prints them with formatSize, so
 * a catalog writes `{limitBytes}` and report.json keeps the exact number.
 */
export function isSizeParam(name: string, value: unknown): value is number {
  return typeof value === 'number' && name.endsWith('Bytes');
}
