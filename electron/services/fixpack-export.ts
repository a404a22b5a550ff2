import type { ExportFile } from '../../shared/ipc/contract';
import type { FixPackInput } from '../../shared/fixpack/types';
import type { GuideDocument } from '../../shared/guide/model';
import { buildFixPack, zipFixPack } from '../../shared/fixpack/build-fixpack';
import type { AppError, Result } from '../../shared/result';
import { ok } from '../../shared/result';
import { renderGuidePdf, type PdfOptions } from './pdf';

/** The fix pack archive's name beside the loose files. */
export const FIXPACK_ZIP = 'fixpack.zip';
/** The switch-over pack's zip (shared/switchover), named for what it holds so it is not taken for a fix pack. */
export const SWITCHOVER_ZIP = 'switch-over.zip';

/**
 * Completes a fix pack with what needs Node: guide.pdf (first) rendered from the guide model, and
 * fixpack.zip holding every file. Used by the app's Export (the pack itself was built in the renderer's
 * worker) and by `relay-doctor export`, so both write the same pack.
 */
export async function completeFixPack(
  files: readonly ExportFile[],
  guide: GuideDocument,
  generatedAt: Date,
  pdf: PdfOptions = {},
  zipName: string = FIXPACK_ZIP,
): Promise<ExportFile[]> {
  const pdfBytes = await renderGuidePdf(guide, { createdAt: generatedAt, ...pdf });
  const all: ExportFile[] = [{ name: 'guide.pdf', bytes: pdfBytes }, ...files];
  const zip = zipFixPack(
    all.map((f) => (f.text !== undefined ? { name: f.name, text: f.text } : { name: f.name, bytes: f.bytes ?? new Uint8Array() })),
    generatedAt,
  );
  return [...all, { name: zipName, bytes: zip }];
}

/** The whole export from the fix-pack model: `relay-doctor export`'s path. */
export async function fixPackExportFiles(input: FixPackInput, pdf: PdfOptions = {}): Promise<Result<ExportFile[], AppError>> {
  const built = await buildFixPack(input);
  if (!built.ok) return built;
  const files = built.value.files.map((f) => ('text' in f ? { name: f.name, text: f.text } : { name: f.name, bytes: f.bytes }));
  return ok(await completeFixPack(files, built.value.guide, new Date(built.value.plan.generatedAt), pdf));
}
