import { buildFixPack, zipFixPack, type FixPack } from '../../../shared/fixpack/build-fixpack';
import type { FixPackFile, FixPackInput } from '../../../shared/fixpack/types';
import type { AppError, Result } from '../../../shared/result';
import { ok } from '../../../shared/result';
import { withGuidePdf } from './index';
import type { PdfOptions } from './render-guide-pdf';

export interface FixPackExport {
  /** guide.pdf, guide.md, guide.html, fix.ps1, rollback.ps1, collect-evidence.ps1, report.json, *.cer */
  readonly files: readonly FixPackFile[];
  /** fixpack.zip: the same files in one archive (its own name is the caller's choice). */
  readonly zip: Uint8Array;
  readonly pack: FixPack;
}

/**
 * Everything `relay-doctor export` and the app's Export step write, built the same way in both: the shared
 * fix pack plus guide.pdf, and the zip of all of it. Writing (atomic, no overwrite without asking) is the
 * caller's job (electron/services/export.ts).
 */
export async function buildFixPackExport(input: FixPackInput, pdf: PdfOptions = {}): Promise<Result<FixPackExport, AppError>> {
  const built = await buildFixPack(input);
  if (!built.ok) return built;
  const files = await withGuidePdf(built.value, pdf);
  return ok({ files, zip: zipFixPack(files, new Date(built.value.plan.generatedAt)), pack: built.value });
}
