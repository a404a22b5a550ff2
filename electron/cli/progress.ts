import type { RunProgress } from '../../shared/engine/run';
import { ProgressPace } from '../../shared/engine/progress-pace';
import { format } from '../../shared/i18n/format';
import type { Locale } from '../../shared/i18n/locales';
import type { CliIo } from './context';

/**
 * A progress line on stderr while a large analysis reads its files, only when stderr is a terminal (a
 * redirected or piped run stays silent): redrawn in place with a carriage return at the pace the app's bar
 * keeps (ProgressPace), cleared when reading ends. Returns the engine's onProgress callback, or undefined when
 * there is nothing to draw on.
 */
export function terminalProgress(io: CliIo, locale: Locale, now?: () => number): ((p: RunProgress) => void) | undefined {
  if (!io.stderr.isTTY) return undefined;
  let shown = false;
  // The line's carriage return and erase-line sequence are ours; terminalSafeIo would escape them on stderr.
  const line = io.terminal ?? io.stderr;
  const pace = new ProgressPace((p) => {
    if (p.phase !== 'read') {
      if (shown) line.write('\r\u001b[2K');
      shown = false;
      return;
    }
    shown = true;
    line.write(`\r\u001b[2K${format(locale, 'cli.progress.read', { done: p.done, total: p.total, fraction: p.fraction ?? 0 })}`);
  }, now);
  return (p) => pace.offer(p);
}
