import type { Block, ChainPicture, GuideDocument, RichText } from './model';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function rich(text: RichText): string {
  return text.map((p) => (typeof p === 'string' ? escapeHtml(p) : `<b class="ui">${escapeHtml(p.ui)}</b>`)).join('');
}

function chain(picture: ChainPicture): string {
  const nodes = picture.nodes
    .map((n) => {
      const facts = [n.thumbprint ? `<code>${escapeHtml(n.thumbprint)}</code>` : '', n.notAfter ? escapeHtml(n.notAfter) : '', n.note ? escapeHtml(n.note) : '']
        .filter(Boolean)
        .join('<br>');
      return `<li class="node ${n.role}"><span class="role">${escapeHtml(n.label)}</span><span class="subject">${escapeHtml(n.subject)}</span><span class="facts">${facts}</span></li>`;
    })
    .join('');
  return `<figure class="chain"><figcaption>${escapeHtml(picture.caption)}</figcaption><ol>${nodes}</ol></figure>`;
}

function block(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${rich(b.text)}</p>`;
    case 'heading':
      return `<h4>${escapeHtml(b.text)}</h4>`;
    case 'steps':
      return `<ol>${b.items.map((i) => `<li>${rich(i)}</li>`).join('')}</ol>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${rich(i)}</li>`).join('')}</ul>`;
    case 'code':
      return `<pre><code class="language-${b.language}">${escapeHtml(b.code)}</code></pre>`;
    case 'table':
      return `<table><thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'note':
      return `<aside class="note ${b.tone}">${rich(b.text)}</aside>`;
    case 'chain':
      return chain(b.chain);
  }
}

const STYLE = `body{font-family:"DejaVu Sans",Segoe UI,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
pre{background:#f3f3f3;padding:.75rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}code{font-family:"DejaVu Sans Mono",Consolas,monospace}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top;word-break:break-word}
.chain ol{list-style:none;padding:0}.chain .node{border:1px solid #888;border-radius:4px;margin:.25rem 0 .9rem;padding:.4rem .6rem;display:flex;flex-direction:column}
.chain .node+.node::before{content:"↑";margin:-1.45rem 0 .3rem;color:#555}.chain .missing{border:2px dashed #b00020}.role{font-weight:bold}
.note{border-left:4px solid #0a5ea8;padding:.3rem .8rem;background:#eef5fc}.note.warning{border-color:#b00020;background:#fdeeee}`;

/** guide.html: one self-contained page (no scripts, no external resources); every text is escaped. */
export function renderHtml(doc: GuideDocument): string {
  const parts: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(doc.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(doc.title)}</title><style>${STYLE}</style></head><body>`,
    `<header><h1>${escapeHtml(doc.title)}</h1><p><strong>${escapeHtml(doc.subtitle)}</strong></p><dl>${doc.meta
      .map((m) => `<dt>${escapeHtml(m.label)}</dt><dd>${escapeHtml(m.value)}</dd>`)
      .join('')}</dl></header>`,
  ];
  // A long page: the contents list links each section (their ids are fixed, see GuideSection['id']).
  if (doc.contentsTitle) {
    parts.push(
      `<nav aria-labelledby="contents"><h2 id="contents">${escapeHtml(doc.contentsTitle)}</h2><ol>${doc.sections
        .map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`)
        .join('')}</ol></nav>`,
    );
  }
  for (const section of doc.sections) {
    parts.push(`<section id="${section.id}"><h2>${escapeHtml(section.title)}</h2>`);
    for (const b of section.blocks) parts.push(block(b));
    section.steps?.forEach((step, i) => {
      parts.push(`<section class="step" id="step-${escapeHtml(step.id)}"><h3>${i + 1}. ${escapeHtml(step.title)}</h3>`);
      for (const b of step.blocks) parts.push(block(b));
      parts.push('</section>');
    });
    parts.push('</section>');
  }
  parts.push('</body></html>');
  return parts.join('\n') + '\n';
}
