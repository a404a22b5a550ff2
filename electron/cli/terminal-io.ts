import type { CliIo } from './context';
import { terminalSafeText } from '../../shared/report/terminal-safe';

/**
 * The CLI's output boundary (issue 19 item 3): everything the commands write to stdout and stderr passes
 * through terminalSafeText, so no control character, bidi override or line separator from evidence reaches
 * the terminal, whichever command or message carried it. JSON passes unchanged in meaning (the escapes are
 * JSON's own). The raw stderr stays reachable as `terminal` for the progress line's own cursor controls.
 */
export function terminalSafeIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: { write: (text: string) => io.stdout.write(terminalSafeText(text)) },
    stderr: {
      write: (text: string) => io.stderr.write(terminalSafeText(text)),
      ...(io.stderr.isTTY !== undefined ? { isTTY: io.stderr.isTTY } : {}),
    },
    terminal: io.terminal ?? io.stderr,
  };
}
