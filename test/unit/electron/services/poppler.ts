import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function has(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** poppler-utils reads the PDF as a reader would: the PDF tests skip (and say so) where it is missing. */
export const POPPLER = has('pdftotext') && has('pdfinfo') && has('pdffonts');
if (!POPPLER) console.warn('SKIPPED pdf tests: pdftotext/pdfinfo/pdffonts (poppler-utils) are not installed');

/** The PDF's text as pdftotext extracts it (what a reader copies), its info and its fonts; `pages` limits the text. */
export function poppler(pdf: Uint8Array, pages?: { first: number; last: number }): { text: string; info: string; fonts: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rd-pdf-'));
  const file = join(dir, 'guide.pdf');
  writeFileSync(file, pdf);
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return {
    text: execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' }),
    info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
    fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
  };
}
