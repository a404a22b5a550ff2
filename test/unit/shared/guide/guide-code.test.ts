import { describe, expect, it } from 'vitest';
import { buildFixPack } from '../../../../shared/fixpack/build-fixpack';
import type { Block } from '../../../../shared/guide/model';
import { LOCALES } from '../../../../shared/i18n/locales';
import { CAUSE_CASES, cause, pfxEvidence, psParser, report, syntaxProblems } from '../fixpack/helpers';

describe('PowerShell shown in the guide', { timeout: 60_000 }, () => {
  for (const locale of LOCALES) {
    it(`parses without errors for every cause in ${locale}`, async () => {
      const parser = await psParser();
      let blocks = 0;
      for (const c of CAUSE_CASES) {
        const r = await buildFixPack({ report: report([cause(c.id, c.remediation, c.params)]), evidence: [pfxEvidence()], locale });
        if (!r.ok) throw new Error(r.error.code);
        const all: Block[] = r.value.guide.sections.flatMap((s) => [...s.blocks, ...(s.steps ?? []).flatMap((st) => st.blocks)]);
        for (const b of all) {
          if (b.type !== 'code' || b.language !== 'powershell') continue;
          blocks += 1;
          expect(b.code.length, c.id).toBeGreaterThan(0);
          expect(syntaxProblems(parser.parse(b.code)!.rootNode), `${c.id}: ${b.code}`).toEqual([]);
        }
      }
      expect(blocks).toBeGreaterThan(30);
    });
  }
});
