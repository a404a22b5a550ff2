import type PDFDocument from 'pdfkit';
import type { Block, ChainPicture, RichText } from '../../../shared/guide/model';
import { wrapLine } from './code-wrap';

type Doc = InstanceType<typeof PDFDocument>;

export const SIZE = { body: 10, small: 8.5, code: 8.5, h1: 20, h2: 15, h3: 12, h4: 10.5 } as const;
const GAP = 6;

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when fewer than `height` points are left, so a box is never split across pages. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc) && height < bottom(doc) - doc.page.margins.top) doc.addPage();
}

/** Rich text: UI names in bold, the rest regular, in one flowing paragraph (pdfkit's `continued`). */
export function richParagraph(doc: Doc, text: RichText, options: { indent?: number; size?: number } = {}): void {
  const x = doc.page.margins.left + (options.indent ?? 0);
  const width = contentWidth(doc) - (options.indent ?? 0);
  doc.fontSize(options.size ?? SIZE.body);
  const parts = text.length ? text : [''];
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    doc.font(typeof part === 'string' ? 'regular' : 'bold');
    const s = typeof part === 'string' ? part : part.ui;
    if (i === 0) doc.text(s, x, doc.y, { width, continued: !last });
    else doc.text(s, { continued: !last });
  });
}

export function heading(doc: Doc, text: string, size: number): void {
  ensureSpace(doc, size * 3);
  doc.moveDown(0.4).font('bold').fontSize(size).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.25);
}

/** The smallest code font for a whole block; below it print is hard to read. */
const CODE_MIN = 6.5;

/**
 * A code block, never broken inside a word or a quoted value (issue 21 item 6): the font shrinks until the
 * longest line fits (down to CODE_MIN); PowerShell lines still too long wrap with a continuation mark at a
 * space outside strings (code-wrap.ts). A line that still does not fit (one huge quoted string) is printed
 * smaller on its own. Each line is drawn with line breaking off, so pdfkit cannot break one either.
 */
function code(doc: Doc, text: string, language: 'powershell' | 'text'): void {
  const width = contentWidth(doc) - 12;
  // Measured against a little less than the box: glyph widths are rounded when drawn.
  const fit = width - 2;
  const at = (size: number) => (t: string) => doc.font('mono').fontSize(size).widthOfString(t);
  const lines = text.split('\n');
  const longest = Math.max(...lines.map(at(SIZE.code)));
  const size = longest <= fit ? SIZE.code : Math.max(CODE_MIN, (SIZE.code * fit) / longest);
  const printed = (language === 'powershell' ? lines.flatMap((l) => wrapLine(l, fit, at(size))) : lines).map((line) => {
    const w = at(size)(line);
    return { line, size: w <= fit ? size : (size * fit) / w };
  });
  doc.font('mono').fontSize(size);
  const lineHeight = doc.currentLineHeight(true);
  const height = printed.length * lineHeight + 10;
  ensureSpace(doc, Math.min(height, 200));
  let top = doc.y;
  if (top + height <= bottom(doc)) doc.save().rect(doc.page.margins.left, top, contentWidth(doc), height).fill('#f1f1f1').restore();
  let y = top + 5;
  doc.fillColor('#000');
  for (const { line, size: lineSize } of printed) {
    if (y + lineHeight > bottom(doc)) {
      doc.addPage();
      top = doc.y;
      y = top;
    }
    // A smaller line sits on the same baseline grid: centred in the block's line height.
    doc.font('mono').fontSize(lineSize).text(line, doc.page.margins.left + 6, y + (lineHeight - doc.currentLineHeight(true)) / 2, { lineBreak: false });
    y += lineHeight;
  }
  doc.fontSize(size);
  doc.x = doc.page.margins.left;
  doc.y = y + 5;
}

function numbered(doc: Doc, items: readonly RichText[], ordered: boolean): void {
  items.forEach((item, i) => {
    ensureSpace(doc, 30);
    const top = doc.y;
    doc.font('regular').fontSize(SIZE.body).text(ordered ? `${i + 1}.` : '•', doc.page.margins.left, top, { width: 18 });
    doc.y = top;
    richParagraph(doc, item, { indent: 20 });
    doc.moveDown(0.2);
  });
}

/**
 * Column widths: each column gets at least its longest unbreakable word (a thumbprint, a file name) so that
 * such values are never split mid-word, and the rest of the width in proportion to how much text it holds.
 */
function columnWidths(doc: Doc, header: readonly string[], rows: readonly (readonly string[])[], width: number): number[] {
  doc.font('regular').fontSize(SIZE.small);
  const pad = 8;
  const cols = header.map((_, i) => [header[i] ?? '', ...rows.map((r) => r[i] ?? '')]);
  // +2: pdfkit wraps a word that fills the width exactly (rounding); header words are measured in bold.
  // Spaces and hyphens are where pdfkit's line breaker (UAX #14) may break, so file names can wrap.
  const longest = (t: string, font: string) => Math.max(...t.split(/(?<=-)|\s+/).map((w) => doc.font(font).widthOfString(w)));
  const min = cols.map((c) => Math.min(width * 0.6, pad + 2 + Math.max(longest(c[0] ?? '', 'bold'), ...c.slice(1).map((t) => longest(t, 'regular')))));
  doc.font('regular');
  const want = cols.map((c, i) => Math.max(min[i] ?? 0, pad + Math.max(...c.map((t) => doc.widthOfString(t)))));
  const minSum = min.reduce((a, b) => a + b, 0);
  const extra = want.map((w, i) => w - (min[i] ?? 0));
  const extraSum = extra.reduce((a, b) => a + b, 0);
  const spare = Math.max(0, width - minSum);
  if (minSum > width) return min.map((m) => (m / minSum) * width);
  return min.map((m, i) => m + (extraSum > 0 ? ((extra[i] ?? 0) / extraSum) * Math.min(spare, extraSum) : 0) + (extraSum < spare ? (spare - extraSum) / min.length : 0));
}

function table(doc: Doc, header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = columnWidths(doc, header, rows, contentWidth(doc));
  const drawRow = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(SIZE.small);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 0) - 8 }))) + 6;
    ensureSpace(doc, h);
    const top = doc.y;
    let x = doc.page.margins.left;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 0;
      doc.rect(x, top, w, h).lineWidth(0.5).stroke('#999');
      doc.fillColor('#000').text(c, x + 4, top + 3, { width: w - 8 });
      x += w;
    });
    doc.y = top + h;
  };
  drawRow(header, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.3);
}

/** The chain picture: one box per certificate, leaf on top, an arrow up to each issuer's box below. */
function chain(doc: Doc, picture: ChainPicture): void {
  doc.font('regular').fontSize(SIZE.small).fillColor('#333').text(picture.caption, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.4);
  const width = contentWidth(doc) - 40;
  const x = doc.page.margins.left + 20;
  picture.nodes.forEach((node, i) => {
    const facts = [node.thumbprint, node.notAfter, node.note].filter((f): f is string => !!f).join('\n');
    doc.fontSize(SIZE.small);
    const h = 14 + doc.font('regular').heightOfString(node.subject, { width: width - 12 }) + (facts ? doc.heightOfString(facts, { width: width - 12 }) : 0) + 8;
    ensureSpace(doc, h + 16);
    if (i > 0) {
      const ax = x + width / 2;
      doc.save().moveTo(ax, doc.y + 14).lineTo(ax, doc.y + 2).lineWidth(1).stroke('#555');
      doc.moveTo(ax - 4, doc.y + 6).lineTo(ax, doc.y + 1).lineTo(ax + 4, doc.y + 6).stroke('#555').restore();
      doc.y += 16;
    }
    const top = doc.y;
    if (node.role === 'missing') doc.save().dash(4, { space: 3 }).rect(x, top, width, h).lineWidth(1.5).stroke('#b00020').undash().restore();
    else doc.save().rect(x, top, width, h).lineWidth(1).stroke('#666').restore();
    doc.fillColor(node.role === 'missing' ? '#b00020' : '#000').font('bold').fontSize(SIZE.small).text(node.label, x + 6, top + 4, { width: width - 12 });
    doc.fillColor('#000').font('regular').text(node.subject, { width: width - 12 });
    if (facts) doc.fillColor('#444').font('mono').text(facts, { width: width - 12 });
    doc.fillColor('#000');
    doc.y = top + h;
  });
  doc.moveDown(0.6);
}

export function drawBlock(doc: Doc, block: Block): void {
  switch (block.type) {
    case 'paragraph':
      ensureSpace(doc, 24);
      richParagraph(doc, block.text);
      break;
    case 'heading':
      heading(doc, block.text, SIZE.h4);
      return;
    case 'steps':
      numbered(doc, block.items, true);
      break;
    case 'list':
      numbered(doc, block.items, false);
      break;
    case 'code':
      code(doc, block.code, block.language);
      break;
    case 'table':
      table(doc, block.header, block.rows);
      break;
    case 'note':
      ensureSpace(doc, 30);
      doc.fillColor(block.tone === 'warning' ? '#b00020' : '#0a5ea8');
      richParagraph(doc, block.text, { indent: 10 });
      doc.fillColor('#000');
      break;
    case 'chain':
      chain(doc, block.chain);
      return;
  }
  doc.moveDown(GAP / SIZE.body);
}
