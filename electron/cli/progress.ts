import type { RunProgress } from '../../shared/engine/run';
import { format } from '../../shared/i18n/format';
import type { Locale } from '../../shared/i18n/locales';
import type { CliIo } from './context';

/** How often the progress line may be redrawn. */
const EVERY_MS = 200;

/**
 * A progress line on stderr while a large analysis reads its files, only when stderr is a terminal (a
 * redirected or piped run stays silent): redrawn in place with a carriage return, cleared when reading ends.
 * Returns the engine's onProgress callback, or undefined when there is nothing to draw on.
 */
export function terminalProgress(io: CliIo, locale: Locale, now: () => number = Date.now): ((p: RunProgress) => void) | undefined {
  if (!io.stderr.isTTY) return undefined;
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  return (p) => {
    if (p.phase !== 'read') {
      if (shown) io.stderr.write('\r\u001b[2K');
      shown = false;
      return;
    }
    if (now() - last < EVERY_MS) return;
    last = now();
    shown = true;
    io.stderr.write(`\r\u001b[2K${format(locale, 'cli.progress.read', { done: p.done, total: p.total, fraction: p.fraction ?? 0 })}`);
  };
}
