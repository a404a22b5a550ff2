import { describe, expect, it } from 'vitest';
import { buildFixPack } from '../../../../shared/fixpack/build-fixpack';
import { plain, type Block, type GuideDocument } from '../../../../shared/guide/model';
import { escapeHtml, renderHtml } from '../../../../shared/guide/render-html';
import { escapeMarkdown, renderMarkdown } from '../../../../shared/guide/render-markdown';
import { richText } from '../../../../shared/guide/rich';
import { cause, INTERMEDIATE, LEAF, pfxEvidence, report } from '../fixpack/helpers';

async function guideFor(locale: 'en' | 'cs', causes = [cause('cause.intermediatesNotSent', ['remediation.importIntermediates'])]): Promise<GuideDocument> {
  const r = await buildFixPack({ report: report(causes), evidence: [pfxEvidence()], locale });
  if (!r.ok) throw new Error(r.error.code);
  return r.value.guide;
}

const uiNames = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => (b.type === 'steps' ? b.items : b.type === 'paragraph' || b.type === 'note' ? [b.text] : [])).flat().flatMap((p) => (typeof p === 'string' ? [] : [p.ui]));

describe('buildGuide', () => {
  it('has the sections in order: cause, evidence, chain, steps, verify, rollback, collect', async () => {
    const g = await guideFor('en');
    expect(g.sections.map((s) => s.id)).toEqual(['summary', 'evidence', 'chain', 'steps', 'verify', 'rollback', 'collect']);
  });

  it('gives every scripted step both paths: the script with its command and the manual Windows way', async () => {
    const g = await guideFor('en', [
      cause('cause.intermediatesNotSent', ['remediation.importIntermediates']),
      cause('cause.wrongCertificatePresented', ['remediation.fixSendConnectorCertificate'], { sendConnector: 'Outbound to Office 365', thumbprint: LEAF.sha1 }),
    ]);
    const steps = g.sections.find((s) => s.id === 'steps')?.steps ?? [];
    expect(steps.map((s) => s.id)).toEqual(['prepare', 'importIntermediates', 'setSendConnectorCertificate', 'restartTransport']);
    for (const step of steps.slice(1)) {
      const headings = step.blocks.filter((b) => b.type === 'heading').map((b) => (b.type === 'heading' ? b.text : ''));
      expect(headings, step.id).toEqual(['With the script', 'By hand in Windows']);
      expect(step.blocks.some((b) => b.type === 'code' && b.code.length > 0), step.id).toBe(true);
    }
  });

  it('walks the KB 3212877 manual path with the names Czech Windows shows', async () => {
    const g = await guideFor('cs');
    const step = g.sections.find((s) => s.id === 'steps')?.steps?.find((s) => s.id === 'importIntermediates');
    const names = uiNames(step?.blocks ?? []);
    for (const n of ['Certifikáty (místní počítač)', 'Účet počítače', 'Cesta k certifikátu', 'Kopírovat do souboru...', 'Binární X.509, kódování DER (.CER)', 'Zprostředkující certifikační autority', 'Všechny úlohy', 'Průvodce importem certifikátu']) {
      expect(names, n).toContain(n);
    }
  });

  it('draws the chain with the intermediate marked as carried in the pack and a missing issuer as a gap', async () => {
    const r = await buildFixPack({
      report: report([cause('cause.intermediatesNotSent', ['remediation.importIntermediates'])], [
        { leaf: LEAF.sha1, path: [LEAF.sha1, INTERMEDIATE.sha1], status: 'incomplete', trustStore: 'mozilla', missingIssuer: 'CN=Relay Doctor Test Root CA', aiaUrls: ['http://pki.example.test/root.cer'] },
      ]),
      evidence: [pfxEvidence()],
      locale: 'en',
    });
    if (!r.ok) throw new Error(r.error.code);
    const chain = r.value.guide.sections.find((s) => s.id === 'chain')?.blocks.find((b) => b.type === 'chain');
    if (chain?.type !== 'chain') throw new Error('no chain picture');
    expect(chain.chain.nodes.map((n) => n.role)).toEqual(['leaf', 'intermediate', 'missing']);
    expect(chain.chain.nodes[1]?.note).toBe('in this fix pack: intermediate-1-Relay-Doctor-Test-Issuing-CA-1.cer');
    expect(chain.chain.nodes[2]?.note).toContain('http://pki.example.test/root.cer');
  });

  it('adds the catalog steps of a fix that has no script (an accepted domain)', async () => {
    const g = await guideFor('en', [cause('cause.certificateDomainNotAccepted', ['remediation.addAcceptedDomain'], { certificateDomain: 'relay.sub.contoso.com', suggestedDomain: 'sub.contoso.com' })]);
    const step = g.sections.find((s) => s.id === 'steps')?.steps?.find((s) => s.id === 'remediation.addAcceptedDomain');
    expect(step?.blocks.some((b) => b.type === 'steps' && b.items.length > 0)).toBe(true);
  });
});

describe('buildGuide with a report from elsewhere', () => {
  it('falls back to the report text when a cause lacks a param its message needs', async () => {
    // input.tooLarge.detail needs {what}: it stands in for a cause message whose param is missing.
    const r = await buildFixPack({
      report: report([{ ...cause('input.tooLarge', []), title: 'Saved title', detail: 'Saved detail' }]),
      evidence: [pfxEvidence()],
      locale: 'cs',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const summary = r.value.guide.sections.find((s) => s.id === 'summary');
    expect(summary?.blocks[0]).toEqual({ type: 'heading', text: 'Soubor je příliš velký' });
    expect(summary?.blocks[1]).toEqual({ type: 'paragraph', text: ['Saved detail'] });
  });
});

describe('richText', () => {
  it('marks Windows UI names so renderers can bold them', () => {
    const t = richText('en', 'guide.import.manual4');
    expect(t).toContainEqual({ ui: 'Intermediate Certification Authorities' });
    expect(plain(t)).toContain('All Tasks > Import...');
  });
});

describe('renderers', () => {
  const hostile = 'CN=<script>alert(1)</script> *x* | [a](b) & "q"';
  const doc: GuideDocument = {
    lang: 'en',
    title: 'T',
    subtitle: 'S',
    meta: [],
    contentsTitle: hostile,
    sections: [{ id: 'evidence', title: hostile, blocks: [{ type: 'table', header: ['Subject'], rows: [[hostile]] }, { type: 'paragraph', text: [hostile, { ui: 'Details' }] }] }],
  };

  it('escapes evidence text in HTML, leaving no markup from it', () => {
    const html = renderHtml(doc);
    expect(html).not.toContain('<script>');
    expect(html).toContain('CN=&lt;script&gt;alert(1)&lt;/script&gt; *x* | [a](b) &amp; &quot;q&quot;');
    expect(html).toContain('<b class="ui">Details</b>');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('escapes evidence text in Markdown so it cannot make emphasis, links, HTML or table cells', () => {
    const md = renderMarkdown(doc);
    expect(md).toContain('CN=\\<script>alert(1)\\</script> \\*x\\* \\| \\[a\\](b) & "q"');
    expect(md).toContain('**Details**');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('> not a quote')).toBe('\\> not a quote');
  });

  it('writes a self-contained HTML page in the guide language: no scripts, no external resources', async () => {
    const html = renderHtml(await guideFor('cs'));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="cs">')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    // Links only within the page (the contents list's #section anchors), never to anything outside it.
    expect(html).not.toMatch(/<script|<link|<img|src=|href="(?!#)/i);
    expect(html).toContain('<b class="ui">Zprostředkující certifikační autority</b>');
  });

  it('renders code with a fence longer than any backtick run inside it', async () => {
    const md = renderMarkdown({ ...doc, sections: [{ id: 'steps', title: 'x', blocks: [{ type: 'code', language: 'text', code: 'a ``` b' }] }] });
    expect(md).toContain('````text\na ``` b\n````');
  });
});
