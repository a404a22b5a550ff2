import type { ExportFile } from '../../shared/ipc/contract';
import type { FixPackInput } from '../../shared/fixpack/types';
import type { AppError, Result } from '../../shared/result';
import { ok } from '../../shared/result';
import { buildFixPackExport, type PdfOptions } from './pdf';

/** The fix pack archive's name beside the loose files. */
export const FIXPACK_ZIP = 'fixpack.zip';

/**
 * Every file of a fix pack export as the export service writes it — guide.pdf, guide.md, guide.html, fix.ps1,
 * rollback.ps1, collect-evidence.ps1, report.json, the intermediates as .cer, and fixpack.zip holding them
 * all. One function for `relay-doctor export` and the app's Export, so both write the same pack.
 */
export async function fixPackExportFiles(input: FixPackInput, pdf: PdfOptions = {}): Promise<Result<ExportFile[], AppError>> {
  const built = await buildFixPackExport(input, pdf);
  if (!built.ok) return built;
  return ok(
    [...built.value.files, { name: FIXPACK_ZIP, bytes: built.value.zip }].map((f) =>
      'text' in f ? { name: f.name, text: f.text } : { name: f.name, bytes: f.bytes },
    ),
  );
}
