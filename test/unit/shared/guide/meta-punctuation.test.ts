import { describe, expect, it } from 'vitest';
import { buildFixPack } from '../../../../shared/fixpack/build-fixpack';
import { renderMarkdown } from '../../../../shared/guide/render-markdown';
import type { Locale } from '../../../../shared/i18n/locales';
import { cause, pfxEvidence, report } from '../fixpack/helpers';

async function markdownFor(locale: Locale): Promise<string> {
  const r = await buildFixPack({ report: report([cause('cause.intermediatesNotSent', ['remediation.importIntermediates'])]), evidence: [pfxEvidence()], locale });
  if (!r.ok) throw new Error(r.error.code);
  return renderMarkdown(r.value.guide);
}

/** The header lines of guide.md ("- Generated: …"): the list items before the first section. */
const headerLines = (md: string) => md.slice(0, md.indexOf('\n## ')).split('\n').filter((l) => l.startsWith('- '));

describe('guide header punctuation comes from the catalog', () => {
  it('puts a no-break space before the colon in French and none in English', async () => {
    const fr = headerLines(await markdownFor('fr'));
    expect(fr.length).toBeGreaterThan(1);
    for (const line of fr) {
      expect(line).toContain('\u00a0: ');
      expect(line).not.toMatch(/[^\s\u00a0]: /);
    }
    for (const line of headerLines(await markdownFor('en'))) expect(line).toMatch(/^- [^:]*[^\s]: /);
  });
});
