import type { FixPack } from '../../../shared/fixpack/build-fixpack';
import type { FixPackFile } from '../../../shared/fixpack/types';
import { renderGuidePdf, type PdfOptions } from './render-guide-pdf';

export { renderGuidePdf, type PdfOptions, type PageSize } from './render-guide-pdf';
export { loadDejaVuFonts, type PdfFonts } from './fonts';

/** The fix pack's files with guide.pdf first: what `relay-doctor export` and the app's Export write. */
export async function withGuidePdf(pack: FixPack, options: PdfOptions = {}): Promise<FixPackFile[]> {
  const pdf = await renderGuidePdf(pack.guide, { createdAt: new Date(pack.plan.generatedAt), ...options });
  return [{ name: 'guide.pdf', bytes: pdf }, ...pack.files];
}
export { buildFixPackExport, type FixPackExport } from './fixpack-files';
