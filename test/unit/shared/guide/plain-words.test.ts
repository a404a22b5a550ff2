import { describe, expect, it } from 'vitest';
import { buildFixPack } from '../../../../shared/fixpack/build-fixpack';
import { renderHtml } from '../../../../shared/guide/render-html';
import { renderMarkdown } from '../../../../shared/guide/render-markdown';
import type { Report } from '../../../../shared/model/report';
import { cause, LEAF, pfxEvidence, report } from '../fixpack/helpers';

/** Anything that looks like a catalog id (`cause.intermediatesNotSent`, `chain.notSentByServer`, `input.passwordWrong`). */
const ID = /\b(?:cause|chain|cert|smtp|connector|evidence|input|remediation|exchange)\.[a-z]+[A-Z]\w*/;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A report a mail admin would get: an NDR message, a log line, an unreadable PFX and an expired certificate. */
function evidenceReport(): Report {
  const base = report([cause('cause.intermediatesNotSent', ['remediation.importIntermediates'], { thumbprint: LEAF.sha1 })]);
  return {
    ...base,
    inputs: [...base.inputs, { file: 'old.pfx', kind: 'certificates', status: 'rejected', error: { code: 'input.passwordWrong', message: 'The password is wrong' } }],
    findings: [
      {
        id: 'cert.expired',
        severity: 'high',
        confidence: 'certain',
        params: { position: 'leaf', subject: LEAF.subject, sha1: LEAF.sha1, notAfter: '2034-10-01T00:00:00.000Z' },
        evidence: ['ndr.eml#message:0', 'C:\\Logs\\SEND20261128-1.LOG#L12', `cert:${LEAF.sha1}`],
        title: 'A certificate has expired',
        detail: 'expired on 2034-10-01T00:00:00.000Z',
      },
    ],
  };
}

async function guide(locale: 'en' | 'cs') {
  const r = await buildFixPack({ report: evidenceReport(), evidence: [pfxEvidence()], locale, timeZone: 'Europe/Prague' });
  if (!r.ok) throw new Error(r.error.code);
  return r.value.guide;
}

describe('the guide in plain words (issue 21 item 5)', () => {
  it('names the diagnosis by the cause title on the title block, never by its id', async () => {
    const g = await guide('en');
    const diagnosis = g.meta.find((m) => m.label === 'Diagnosis');
    expect(diagnosis?.value).toBe('The sending server does not send its intermediate certificates');
    const cs = await guide('cs');
    expect(cs.meta.map((m) => m.value).join(' ')).toContain('Odesílající server neposílá své zprostředkující certifikáty');
  });

  it('dates the guide in the reader’s language and zone, the zone named', async () => {
    const g = await guide('en');
    expect(g.meta.find((m) => m.label === 'Generated')?.value).toBe('November 28, 2026 at 1:00 PM GMT+1');
    const cs = await guide('cs');
    expect(cs.meta[0]?.value).toBe('28. listopadu 2026 v 13:00 SEČ');
  });

  for (const locale of ['en', 'cs'] as const) {
    it(`shows no id and no ISO timestamp anywhere in the ${locale} Markdown and HTML`, async () => {
      const g = await guide(locale);
      for (const text of [renderMarkdown(g), renderHtml(g)]) {
        expect(text).not.toMatch(ID);
        expect(text).not.toMatch(ISO);
      }
    });
  }

  it('says where the evidence is in words: messages counted from 1, log lines, certificates', async () => {
    const md = renderMarkdown(await guide('en'));
    expect(md).toContain('ndr.eml, message 1');
    expect(md).not.toContain('message 0');
    expect(md).toContain('SEND20261128-1.LOG, line 12');
    expect(md).toContain(`Certificate with thumbprint ${LEAF.sha1}`);
  });

  it('gives why a file was not read as the catalog title, not its code', async () => {
    const md = renderMarkdown(await guide('en'));
    expect(md).toContain('rejected: The password is wrong');
  });

  it('puts the common name first in the chain picture and the pack’s file table', async () => {
    const g = await guide('en');
    const chain = g.sections.find((s) => s.id === 'chain')!;
    const picture = chain.blocks.find((b) => b.type === 'chain');
    if (picture?.type !== 'chain') throw new Error('no chain picture');
    for (const node of picture.chain.nodes) expect(node.subject).toMatch(/^CN=/);
    expect(picture.chain.caption).toContain('CN=relay.contoso.com, O=Contoso s.r.o., C=CZ');
    const files = chain.blocks.find((b) => b.type === 'table');
    if (files?.type !== 'table') throw new Error('no file table');
    for (const row of files.rows) expect(row[1]).toMatch(/^CN=/);
  });

  it('writes a certificate’s expiry as a day in the reader’s language', async () => {
    const g = await guide('cs');
    const picture = g.sections.find((s) => s.id === 'chain')!.blocks.find((b) => b.type === 'chain');
    if (picture?.type !== 'chain') throw new Error('no chain picture');
    expect(picture.chain.nodes[0]?.notAfter).toMatch(/^platný do \d{1,2}\. \p{L}+ \d{4}$/u);
  });
});

describe('the HTML guide’s contents (issue 21 item 6)', () => {
  it('opens with a contents list that links every section by its id, in the guide’s language', async () => {
    const g = await guide('cs');
    const html = renderHtml(g);
    const nav = /<nav aria-labelledby="contents"><h2 id="contents">Obsah<\/h2><ol>(.*?)<\/ol><\/nav>/.exec(html);
    expect(nav).not.toBeNull();
    const links = [...(nav?.[1] ?? '').matchAll(/<a href="#(\w+)">/g)].map((m) => m[1]);
    expect(links).toEqual(g.sections.map((s) => s.id));
    for (const id of links) expect(html).toContain(`<section id="${id}">`);
  });
});
