import { describe, expect, it } from 'vitest';
import { buildFixPack } from '../../../../shared/fixpack/build-fixpack';
import { buildFixPackExport, renderGuidePdf, withGuidePdf } from '../../../../electron/services/pdf';
import { readZip } from '../../../../shared/zip/read-zip';
import { DEFAULT_LIMITS } from '../../../../shared/model/input';
import { cause, INTERMEDIATE, LEAF, pfxEvidence, report } from '../../shared/fixpack/helpers';
import { LOCALES, type Locale } from '../../../../shared/i18n/locales';
import { POPPLER, poppler } from './poppler';

async function guide(locale: Locale) {
  const r = await buildFixPack({
    report: report([cause('cause.intermediatesNotSent', ['remediation.importIntermediates'])]),
    evidence: [pfxEvidence()],
    locale,
  });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

// Rendering embeds and subsets three fonts: seconds on a loaded CI machine, hence the longer timeout.
describe.skipIf(!POPPLER)('renderGuidePdf', { timeout: 60_000 }, () => {
  for (const locale of LOCALES) {
    it(`writes a ${locale} guide whose extracted text holds its localized title and every section heading`, async () => {
      const pack = await guide(locale);
      const { text } = poppler(await renderGuidePdf(pack.guide));
      // pdftotext may break a long heading across lines; compare with whitespace folded.
      const flat = text.replace(/\s+/g, ' ');
      for (const heading of [pack.guide.title, ...pack.guide.sections.map((s) => s.title)]) {
        expect(flat, `${locale}: ${heading}`).toContain(heading.replace(/\s+/g, ' '));
      }
      expect(text).toContain(INTERMEDIATE.sha1);
    });
  }

  it('writes an A4 Czech guide whose extracted text keeps the headings, UI names and thumbprints', async () => {
    const pack = await guide('cs');
    const bytes = await renderGuidePdf(pack.guide, { pageSize: 'A4' });
    const { text, info } = poppler(bytes);
    for (const heading of ['Relay Doctor: návod k opravě', 'Co je špatně', 'Řetěz certifikátů', 'Jak to opravit', 'Jak opravu ověřit', 'Jak změny vrátit']) {
      expect(text, heading).toContain(heading);
    }
    expect(text).toContain('Zprostředkující certifikační autority');
    expect(text).toContain('Binární X.509, kódování DER (.CER)');
    expect(text).toContain(INTERMEDIATE.sha1);
    expect(text).toContain(LEAF.sha1);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(/Title:\s+Relay Doctor: návod k opravě/);
    const pdf = Buffer.from(bytes).toString('latin1');
    expect(pdf).toMatch(/\/Outlines \d+ 0 R/);
  });

  it('writes US Letter pages on request', async () => {
    const pack = await guide('en');
    const { text, info } = poppler(await renderGuidePdf(pack.guide, { pageSize: 'LETTER' }));
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(text).toContain('How to fix it');
    expect(text).toContain('Intermediate Certification Authorities');
  });

  it('embeds every font it uses (no reliance on fonts installed on the reader)', async () => {
    const pack = await guide('en');
    const { fonts } = poppler(await renderGuidePdf(pack.guide));
    const rows = fonts.split('\n').slice(2).filter((l) => l.trim());
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row).toMatch(/DejaVu\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('keeps Polish, German, French and Spanish letters extractable', async () => {
    const pack = await guide('en');
    const sample = 'Zażółć gęślą jaźń · Größe Übergänge · Éléphant àçèù œ · Año señor ¿qué?';
    const doc = { ...pack.guide, sections: [{ id: 'summary' as const, title: sample, blocks: [{ type: 'paragraph' as const, text: [sample] }] }] };
    const { text } = poppler(await renderGuidePdf(doc));
    expect(text).toContain(sample);
  });

  it('puts guide.pdf first in the fix pack files', async () => {
    const pack = await guide('en');
    const files = await withGuidePdf(pack);
    expect(files.map((f) => f.name).slice(0, 3)).toEqual(['guide.pdf', 'guide.md', 'guide.html']);
    const pdf = files[0];
    expect(pdf && 'bytes' in pdf && new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-');
  });

  it('builds the whole export: guide.pdf plus the shared files, and a zip holding exactly them', async () => {
    const r = await buildFixPackExport(
      { report: report([cause('cause.intermediatesNotSent', ['remediation.importIntermediates'])]), evidence: [pfxEvidence()], locale: 'cs' },
      { pageSize: 'LETTER' },
    );
    if (!r.ok) throw new Error(r.error.code);
    const back = readZip(r.value.zip, DEFAULT_LIMITS);
    if (!back.ok) throw new Error(back.error.code);
    expect(back.value.files.map((f) => f.name)).toEqual(r.value.files.map((f) => f.name));
    expect(r.value.files[0]?.name).toBe('guide.pdf');
    expect(poppler(back.value.files[0]!.bytes).info).toMatch(/\(letter\)/);
  });

  it('keeps a thumbprint unbroken in a narrow table column when the chain picture does not show it', async () => {
    const r = await buildFixPack({
      report: report([cause('cause.intermediatesNotSent', ['remediation.importIntermediates'])], [
        { leaf: LEAF.sha1, path: [LEAF.sha1], status: 'incomplete', trustStore: 'mozilla', missingIssuer: 'CN=Somebody Else CA' },
      ]),
      evidence: [{ ...pfxEvidence(), certificates: [LEAF] }],
      intermediates: [INTERMEDIATE],
      locale: 'en',
    });
    if (!r.ok) throw new Error(r.error.code);
    const { text } = poppler(await renderGuidePdf(r.value.guide));
    expect(text).toContain(INTERMEDIATE.sha1);
  });
});
