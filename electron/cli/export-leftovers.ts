import type { ExportResult } from '../services/export';
import { format } from '../../shared/i18n/format';
import { formatList } from '../../shared/i18n/lists';
import type { Locale } from '../../shared/i18n/locales';
import { terminalSafe } from '../../shared/report/terminal-safe';

/**
 * What `--overwrite` did to an earlier save's pack files that the new pack lacks (electron/services/export.ts):
 * removed, or left because they would not go. One line each for standard error; empty when there were none.
 */
export function exportLeftoverLines(result: ExportResult, locale: Locale): string {
  const names = (list: readonly string[]) => formatList(locale, list.map((n) => terminalSafe(n)));
  const lines: string[] = [];
  if (result.removed?.length) lines.push(format(locale, 'export.removed', { names: names(result.removed) }));
  if (result.stale?.length) lines.push(format(locale, 'export.stale', { names: names(result.stale), count: result.stale.length, folder: terminalSafe(result.folder) }));
  return lines.map((l) => `${l}\n`).join('');
}
