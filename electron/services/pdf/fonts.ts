import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface PdfFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly mono: Uint8Array;
}

/**
 * DejaVu Sans / Sans Mono from the dejavu-fonts-ttf package: free, and they cover Czech, Polish, German,
 * French and Spanish (and much more). pdfkit embeds a subset of each, so the PDF needs no installed fonts
 * and its text stays extractable (pdfkit writes a ToUnicode map).
 */
export function loadDejaVuFonts(): PdfFonts {
  const require = createRequire(import.meta.url);
  const file = (name: string) => new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`)));
  return { regular: file('DejaVuSans.ttf'), bold: file('DejaVuSans-Bold.ttf'), mono: file('DejaVuSansMono.ttf') };
}
