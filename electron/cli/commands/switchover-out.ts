import { resolve } from 'node:path';
import type { CliIo } from '../context';
import { exportFiles } from '../../services/export';
import { isPackFileName } from '../../../shared/fixpack/pack-file-names';
import { exportLeftoverLines } from '../export-leftovers';
import { completeFixPack, SWITCHOVER_ZIP } from '../../services/fixpack-export';
import type { PaperSize } from '../../../shared/fixpack/paper';
import { format } from '../../../shared/i18n/format';
import type { Locale } from '../../../shared/i18n/locales';
import type { RunResult } from '../../../shared/engine/run';
import type { PreflightReport } from '../../../shared/preflight';
import { buildSwitchOverPack } from '../../../shared/switchover';
import { terminalSafe } from '../../../shared/report/terminal-safe';

/**
 * `preflight … --out <dir>`: the switch-over pack (shared/switchover) of the certificate just checked, written
 * as `export` writes the fix pack: atomically, every target checked first, nothing replaced without
 * --overwrite. False (the reason already on stderr) when it could not be built or written.
 */
export async function writeSwitchOverPack(
  out: string,
  overwrite: boolean,
  pageSize: PaperSize,
  preflight: PreflightReport,
  result: RunResult,
  io: CliIo,
  locale: Locale,
): Promise<boolean> {
  const built = buildSwitchOverPack({ preflight, evidence: result.evidence, chains: result.analysis.chains, locale });
  if (!built.ok) {
    const reason = format(locale, `${built.error.code}.detail`, built.error.params ?? {});
    io.stderr.write(format(locale, 'switchover.cli.failed', { reason: terminalSafe(reason) }) + '\n');
    return false;
  }
  const folder = resolve(out);
  // guide.pdf and switch-over.zip are added as `export` adds them to the fix pack, so the app and the CLI write the same pack.
  const files = await completeFixPack(built.value.files, built.value.guide, new Date(preflight.generatedAt), { pageSize }, SWITCHOVER_ZIP);
  const written = await exportFiles(folder, files, { overwrite, replaces: isPackFileName });
  if (!written.ok) {
    const name = String(written.error.params?.name ?? '');
    const message =
      written.error.code === 'export.exists'
        ? format(locale, 'switchover.cli.exists', { folder: terminalSafe(folder), file: terminalSafe(name) })
        : format(locale, 'switchover.cli.failed', { reason: terminalSafe(`${written.error.code} ${name}`.trim()) });
    io.stderr.write(message + '\n');
    return false;
  }
  io.stderr.write(format(locale, 'switchover.cli.written', { folder: terminalSafe(folder), count: written.value.written.length }) + '\n');
  io.stderr.write(exportLeftoverLines(written.value, locale));
  return true;
}
