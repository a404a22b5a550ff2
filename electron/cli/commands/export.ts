import { resolve } from 'node:path';
import type { CliArgs } from '../args';
import type { CliIo } from '../context';
import { EXIT_USAGE, runCliAnalysis } from './analyze';
import { fixPackExportFiles } from '../../services/fixpack-export';
import { exportFiles } from '../../services/export';
import { isPackFileName } from '../../../shared/fixpack/pack-file-names';
import { exportLeftoverLines } from '../export-leftovers';
import { exitStatusOf } from '../../../shared/report/exit-status';
import { format } from '../../../shared/i18n/format';
import type { Locale } from '../../../shared/i18n/locales';
import { renderTextSummary } from '../../../shared/report/text-summary';
import { terminalSafe, terminalSafeValues } from '../../../shared/report/terminal-safe';
import { cliPaper } from '../paper';

/**
 * `relay-doctor export … --out <dir>`: analyses like `analyze`, then writes the fix pack (guide.pdf/.md/.html,
 * fix.ps1, rollback.ps1, collect-evidence.ps1, report.json, the missing intermediates as .cer) and
 * fixpack.zip into <dir> (guide.pdf on --paper a4|letter, by default the locale's paper), atomically, refusing to replace existing files unless --overwrite is given.
 * The exit status follows the analysis (0 / 1), or 2 when nothing was read or nothing could be written.
 */
export async function exportCommand(args: CliArgs, io: CliIo, locale: Locale): Promise<number> {
  const result = await runCliAnalysis(args, io, locale);
  if (!result) return EXIT_USAGE;
  const { report, evidence } = result;
  if (!report.inputs.some((i) => i.status === 'ok')) {
    io.stdout.write(renderTextSummary(terminalSafeValues(report), locale));
    io.stderr.write(format(locale, 'cli.noInput') + '\n');
    return EXIT_USAGE;
  }
  const pageSize = cliPaper(args.paper, io.env);
  const built = await fixPackExportFiles({ report, evidence, locale }, { pageSize });
  if (!built.ok) {
    io.stderr.write(format(locale, 'cli.export.failed', { reason: format(locale, `${built.error.code}.detail`, built.error.params ?? {}) }) + '\n');
    return EXIT_USAGE;
  }
  const folder = resolve(args.out ?? '.');
  const written = await exportFiles(folder, built.value, { overwrite: args.overwrite, replaces: isPackFileName });
  if (!written.ok) {
    const name = String(written.error.params?.name ?? '');
    const message =
      written.error.code === 'export.exists'
        ? format(locale, 'cli.export.exists', { folder: terminalSafe(folder), file: terminalSafe(name) })
        : format(locale, 'cli.export.failed', { reason: terminalSafe(`${written.error.code} ${name}`.trim()) });
    io.stderr.write(message + '\n');
    return EXIT_USAGE;
  }
  if (args.json) io.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else io.stdout.write(renderTextSummary(terminalSafeValues(report), locale));
  io.stderr.write(format(locale, 'cli.export.written', { folder: terminalSafe(folder), count: written.value.written.length }) + '\n');
  io.stderr.write(exportLeftoverLines(written.value, locale));
  return exitStatusOf(report);
}
