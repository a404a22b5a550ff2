import { describe, expect, it } from 'vitest';
import { buildFixPack } from '../../../../shared/fixpack/build-fixpack';
import { renderGuidePdf } from '../../../../electron/services/pdf';
import { breakPoints, wrapLine } from '../../../../electron/services/pdf/code-wrap';
import type { GuideDocument } from '../../../../shared/guide/model';
import { cause, LEAF, pfxEvidence, report } from '../../shared/fixpack/helpers';
import { POPPLER, poppler } from './poppler';

const CAUSES = [
  cause('cause.intermediatesNotSent', ['remediation.importIntermediates']),
  cause('cause.wrongCertificatePresented', ['remediation.fixSendConnectorCertificate'], { sendConnector: 'Outbound to Office 365', thumbprint: LEAF.sha1 }),
];

async function guide(locale: 'en' | 'cs'): Promise<GuideDocument> {
  const r = await buildFixPack({ report: report(CAUSES), evidence: [pfxEvidence()], locale, timeZone: 'Europe/Prague' });
  if (!r.ok) throw new Error(r.error.code);
  return r.value.guide;
}

/** Every PowerShell line the guide prints, as written in fix.ps1's own quoting. */
const commands = (g: GuideDocument) =>
  g.sections.flatMap((s) => [...s.blocks, ...(s.steps ?? []).flatMap((st) => st.blocks)]).flatMap((b) => (b.type === 'code' ? b.code.split('\n') : []));

/** What PowerShell makes of text pasted from the PDF: a line ending in a backtick goes on with the next. */
const joined = (text: string) => text.replace(/ `\n\s*/g, ' ').replace(/[ \t]+/g, ' ');

describe('code-wrap', () => {
  it('breaks a PowerShell line only at spaces outside strings and before a comment', () => {
    const line = "Write-Error 'a b' -Path \"c `\" d\" # e f";
    const at = breakPoints(line).map((i) => line.slice(0, i));
    expect(at).toEqual(['Write-Error', "Write-Error 'a b'", "Write-Error 'a b' -Path", 'Write-Error \'a b\' -Path "c `" d"']);
  });

  it('wraps with a continuation mark and keeps a quoted value whole even when it is wider than the line', () => {
    const line = "Get-Item -LiteralPath 'C:\\a very long path with spaces\\file.cer' -ErrorAction SilentlyContinue";
    const lines = wrapLine(line, 30, (t) => t.length);
    expect(lines.slice(0, -1).every((l) => l.endsWith(' `'))).toBe(true);
    expect(lines).toContain("    'C:\\a very long path with spaces\\file.cer' `");
    expect(joined(lines.join('\n'))).toBe(line);
  });
});

describe.skipIf(!POPPLER)('the PDF guide in plain words (issue 21 items 5 and 6)', { timeout: 60_000 }, () => {
  it('shows the cause titles and the dated zone on the title page, never a cause id', async () => {
    for (const [locale, title, zone] of [
      ['en', 'The sending server does not send its intermediate certificates', 'GMT+1'],
      ['cs', 'Odesílající server neposílá své zprostředkující certifikáty', 'SEČ'],
    ] as const) {
      const { text } = poppler(await renderGuidePdf(await guide(locale)), { first: 1, last: 1 });
      const flat = text.replace(/\s+/g, ' ');
      expect(flat, locale).toContain(title);
      expect(flat, locale).toContain(zone);
      expect(flat, locale).not.toMatch(/cause\.[a-z]+[A-Z]/);
      expect(flat, locale).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    }
  });

  it('prints long commands so that no line breaks inside a string and the copied text still runs as written', async () => {
    const g = await guide('en');
    const { text } = poppler(await renderGuidePdf(g));
    const long = commands(g).filter((c) => c.length > 110);
    expect(long.length).toBeGreaterThan(2);
    // pdftotext puts a line printed smaller on its own paragraph: blank lines are not part of the command.
    const copied = joined(text.replace(/\n\n+/g, '\n'));
    for (const command of long) expect(copied, command).toContain(command.replace(/[ \t]+/g, ' '));
    // No printed line ends inside a '…' string: each line of the code has its quotes paired.
    for (const line of text.split('\n').filter((l) => l.endsWith(' `'))) {
      expect((line.match(/'/g) ?? []).length % 2, line).toBe(0);
    }
  });
});
