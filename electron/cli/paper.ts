import { paperForLocale, type PaperSize } from '../../shared/fixpack/paper';

/**
 * guide.pdf's page size on the command line: --paper wins; else the paper the user's locale prints on
 * (LC_PAPER as POSIX tools read it, then LC_ALL, LANG and the runtime's locale).
 */
export function cliPaper(paper: PaperSize | undefined, env: Readonly<Record<string, string | undefined>>): PaperSize {
  return paper ?? paperForLocale(env.LC_PAPER ?? env.LC_ALL ?? env.LANG ?? Intl.DateTimeFormat().resolvedOptions().locale);
}
