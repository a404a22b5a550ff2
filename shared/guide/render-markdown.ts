import type { Block, ChainPicture, GuideDocument, RichText } from './model';
import { metaLine } from './meta-line';

/**
 * Every control character (C0 but tab, DEL, C1) and the Unicode line and paragraph separators: CommonMark
 * ends a line at CR, LF or CRLF, so a lone CR in a certificate subject would start a new block (a heading,
 * a fence, a list) under the attacker's control; the others have no business in a guide either.
 */
const CONTROLS = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/g;

/**
 * Escapes the Markdown that could change how evidence text (subjects, file names, connector names) renders:
 * emphasis, code, links, HTML (`<` is enough), table pipes anywhere, and block markers (#, >, -, +, 1.) at
 * the start of a line. Control characters are spelled out as `<U+000D>` (escaped), so nothing in a value
 * can end the line it is on.
 */
export function escapeMarkdown(text: string): string {
  const inline = text
    .replace(/\r\n|\n/g, ' ')
    .replace(CONTROLS, (c) => `\u0001U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}\u0002`)
    .replace(/[\\`*_[\]<|~]/g, (c) => `\\${c}`)
    .replace(/\u0001/g, '\\<')
    .replace(/\u0002/g, '>');
  return inline.replace(/^(\s*)([#>+-]|\d+(?=[.)]))/, (_m, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`,
  );
}

function rich(text: RichText): string {
  return text.map((p) => (typeof p === 'string' ? escapeMarkdown(p) : `**${escapeMarkdown(p.ui)}**`)).join('');
}

function fence(code: string): string {
  let ticks = '```';
  while (code.includes(ticks)) ticks += '`';
  return ticks;
}

function cell(text: string): string {
  return escapeMarkdown(text);
}

function chain(picture: ChainPicture): string[] {
  const lines = [`*${escapeMarkdown(picture.caption)}*`, ''];
  picture.nodes.forEach((n, i) => {
    const indent = '  '.repeat(i);
    const marker = n.role === 'missing' ? '✗ ' : '';
    lines.push(`${indent}- ${marker}**${escapeMarkdown(n.label)}**: ${escapeMarkdown(n.subject)}`);
    const facts = [n.thumbprint, n.notAfter, n.note].filter((x): x is string => !!x);
    if (facts.length) lines.push(`${indent}  ${facts.map(escapeMarkdown).join(' · ')}`);
  });
  return lines;
}

function block(b: Block): string[] {
  switch (b.type) {
    case 'paragraph':
      return [rich(b.text)];
    case 'heading':
      return [`#### ${escapeMarkdown(b.text)}`];
    case 'steps':
      return b.items.map((item, i) => `${i + 1}. ${rich(item)}`);
    case 'list':
      return b.items.map((item) => `- ${rich(item)}`);
    case 'code': {
      const f = fence(b.code);
      return [`${f}${b.language}`, b.code, f];
    }
    case 'table':
      return [
        `| ${b.header.map(cell).join(' | ')} |`,
        `|${b.header.map(() => ' --- ').join('|')}|`,
        ...b.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
      ];
    case 'note':
      return [`> ${b.tone === 'warning' ? '⚠ ' : ''}${rich(b.text)}`];
    case 'chain':
      return chain(b.chain);
  }
}

/** guide.md: the document model as CommonMark + GFM tables. */
export function renderMarkdown(doc: GuideDocument): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, '', `**${escapeMarkdown(doc.subtitle)}**`, ''];
  for (const m of doc.meta) out.push(`- ${metaLine(doc.lang, escapeMarkdown(m.label), escapeMarkdown(m.value))}`);
  for (const section of doc.sections) {
    out.push('', `## ${escapeMarkdown(section.title)}`);
    for (const b of section.blocks) out.push('', ...block(b));
    section.steps?.forEach((step, i) => {
      out.push('', `### ${i + 1}. ${escapeMarkdown(step.title)}`);
      for (const b of step.blocks) out.push('', ...block(b));
    });
  }
  return out.join('\n') + '\n';
}
