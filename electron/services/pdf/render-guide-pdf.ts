import type { GuideDocument } from '../../../shared/guide/model';
import { metaLine } from '../../../shared/guide/meta-line';
import { drawBlock, heading, SIZE } from './layout';
import { loadDejaVuFonts, type PdfFonts } from './fonts';

export type PageSize = 'A4' | 'LETTER';

export interface PdfOptions {
  /** A4 by default; Letter for North America. */
  readonly pageSize?: PageSize;
  /** Fonts to embed; DejaVu from the dejavu-fonts-ttf package by default. */
  readonly fonts?: PdfFonts;
  /** CreationDate of the PDF; pass the report's generatedAt so the same pack gives the same PDF. */
  readonly createdAt?: Date;
}

let cachedFonts: PdfFonts | null = null;

/**
 * Renders the guide model to PDF with pdfkit (pure JS, runs in the CLI and the app's main process alike):
 * fonts embedded, text extractable, page numbers in the footer.
 */
export async function renderGuidePdf(guide: GuideDocument, options: PdfOptions = {}): Promise<Uint8Array> {
  const fonts = options.fonts ?? (cachedFonts ??= loadDejaVuFonts());
  const createdAt = options.createdAt ?? new Date();
  // Loaded on first use: pdfkit and its font stack cost ~30 MB and ~150 ms at start-up, and only exports
  // need them (`relay-doctor analyze` never does).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: options.pageSize ?? 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
    lang: guide.lang,
    displayTitle: true,
    info: { Title: guide.title, Subject: guide.subtitle, Creator: 'Relay Doctor', Producer: 'Relay Doctor', CreationDate: createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.registerFont('regular', Buffer.from(fonts.regular));
  doc.registerFont('bold', Buffer.from(fonts.bold));
  doc.registerFont('mono', Buffer.from(fonts.mono));

  heading(doc, guide.title, SIZE.h1);
  doc.font('bold').fontSize(SIZE.h3).text(guide.subtitle);
  doc.moveDown(0.5);
  for (const m of guide.meta) doc.font('regular').fontSize(SIZE.small).text(metaLine(guide.lang, m.label, m.value));
  for (const section of guide.sections) {
    heading(doc, section.title, SIZE.h2);
    // PDF bookmarks: the reader's outline pane jumps to each section (pdfkit points them at the current page).
    const outline = doc.outline.addItem(section.title);
    for (const block of section.blocks) drawBlock(doc, block);
    section.steps?.forEach((step, i) => {
      heading(doc, `${i + 1}. ${step.title}`, SIZE.h3);
      outline.addItem(`${i + 1}. ${step.title}`);
      for (const block of step.blocks) drawBlock(doc, block);
    });
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit open a new page; lift the margin for the footer.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(SIZE.small).fillColor('#666')
      .text(`${guide.title} · ${i + 1} / ${range.count}`, doc.page.margins.left, doc.page.height - 36, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
