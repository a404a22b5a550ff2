/** The guide PDF's page size: A4, or US Letter (8.5 × 11 in). The PDF renderer takes these names as they are. */
export type PaperSize = 'A4' | 'LETTER';

export const PAPER_SIZES: readonly PaperSize[] = ['A4', 'LETTER'];

// Regions whose offices print on Letter (the US and Canada, Mexico, the Philippines and most of Central and
// South America's Letter users); everywhere else A4 is the norm.
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'PR', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'DO', 'SV', 'NI']);

/**
 * The paper a locale prints on by default: Letter for `en-US` (and the other Letter regions above), A4 for
 * everything else, a language without a region included. Reads BCP 47 tags (`en-US`) and POSIX locales
 * (`en_US.UTF-8`, as in LC_PAPER or LANG).
 */
export function paperForLocale(tag: string | undefined): PaperSize {
  const region = /^[a-z]{2,3}[-_](?:[a-z]{4}[-_])?([a-z]{2})\b/i.exec(tag ?? '')?.[1]?.toUpperCase();
  return region !== undefined && LETTER_REGIONS.has(region) ? 'LETTER' : 'A4';
}

/** `--paper a4|letter` (any case) as a size; undefined for anything else. */
export function parsePaperSize(value: string): PaperSize | undefined {
  const upper = value.trim().toUpperCase();
  return PAPER_SIZES.find((p) => p === upper);
}
