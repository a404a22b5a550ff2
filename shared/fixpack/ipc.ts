import { z } from 'zod';
import type { AppError, Result } from '../result';
import type { ExportFile } from '../ipc/contract';
import type { GuideDocument } from '../guide/model';
import type { PaperSize } from './paper';

/**
 * `export:fixPack`: the renderer's worker has built the fix pack (shared/fixpack) next to the evidence; main
 * adds what needs Node — guide.pdf rendered from the same guide model, and fixpack.zip of everything — and
 * writes it all into a folder the user picks, exactly as `relay-doctor export` writes its pack.
 */
export interface FixPackExportRequest {
  readonly suggestedFolderName: string;
  readonly files: readonly ExportFile[];
  readonly guide: GuideDocument;
  /** The report's generatedAt: the PDF's and zip's timestamps, so the same pack gives the same bytes. */
  readonly generatedAt: string;
  readonly pageSize?: PaperSize;
  /** Which pack this is: its zip is fixpack.zip, or switch-over.zip for the renewal's switch-over pack. */
  readonly pack?: 'fix' | 'switchOver';
  readonly overwrite: boolean;
}

/** `removed`/`stale`: an earlier save's pack files the new pack lacks, removed or (could not be) left (electron/services/export.ts). */
export type FixPackExportResponse = Result<{ folder: string; written: string[]; removed?: string[]; stale?: string[] }, AppError>;

// The guide model is produced by our own engine in the renderer's worker and arrives from our own window
// (handle() checks the sender). Here it is checked for shape and bounded in size; the PDF renderer only lays
// out its text, so a crafted field can only end up as text in the PDF.
const MAX_TEXT = 2 * 1024 * 1024;
const guideShape = z
  .object({ title: z.string().max(1000), sections: z.array(z.object({}).passthrough()).max(200) })
  .passthrough()
  .refine((g) => JSON.stringify(g).length <= MAX_TEXT, 'guide too large');
const packFile = z
  .object({
    name: z.string().min(1).max(200),
    text: z.string().max(MAX_TEXT).optional(),
    bytes: z.instanceof(Uint8Array).optional(),
  })
  .strict()
  .refine((f) => (f.text === undefined) !== (f.bytes === undefined), 'text or bytes');

export const fixPackIpcSchemas = {
  'export:fixPack': z
    .object({
      suggestedFolderName: z.string().min(1).max(200),
      files: z.array(packFile).min(1).max(100),
      guide: guideShape,
      generatedAt: z.string().datetime({ offset: true }),
      pageSize: z.enum(['A4', 'LETTER']).optional(),
      pack: z.enum(['fix', 'switchOver']).optional(),
      overwrite: z.boolean(),
    })
    .strict(),
} as const;
