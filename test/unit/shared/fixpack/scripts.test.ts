import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Parser } from 'web-tree-sitter';
import { buildFixPack, fileBytes } from '../../../../shared/fixpack/build-fixpack';
import { LOCALES } from '../../../../shared/i18n/locales';
import { remediationById } from '../../../../shared/remediation/catalog';
import { CAUSE_CASES, LEAF, cause, pfxEvidence, psParser, report, syntaxProblems } from './helpers';

const EXPECTED = fileURLToPath(new URL('../../../fixtures/expected/', import.meta.url));

async function pack(causeIndex: number, locale: (typeof LOCALES)[number]) {
  const c = CAUSE_CASES[causeIndex];
  if (!c) throw new Error('no such case');
  // The header's time is in the reader's zone: the golden files are written for UTC, whatever the machine's zone.
  const r = await buildFixPack({ report: report([cause(c.id, c.remediation, c.params)]), evidence: [pfxEvidence()], locale, timeZone: 'UTC' });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

/** Golden files keep the structure reviewable: the long Base64 blobs are replaced by their length. */
function structural(text: string): string {
  return text.replace(/Base64 = '([A-Za-z0-9+/=]{100,})'/g, (_m, b64: string) => `Base64 = '<${b64.length} Base64 characters>'`);
}

describe('generated PowerShell', { timeout: 30_000 }, () => {
  let parser: Parser;
  beforeAll(async () => {
    parser = await psParser();
  });

  for (const [i, c] of CAUSE_CASES.entries()) {
    for (const locale of LOCALES) {
      it(`parses without ERROR or MISSING nodes, starts with a BOM and uses CRLF only: ${c.id} in ${locale}`, async () => {
        const { files } = await pack(i, locale);
        const scripts = files.filter((f) => f.name.endsWith('.ps1'));
        // A guide-only remediation (no script step) gets the collector and the guide, no empty fix.ps1.
        const scripted = c.remediation.some((id) => (remediationById(id)?.scriptBlocks.length ?? 0) > 0);
        expect(scripts.map((f) => f.name)).toEqual(scripted ? ['fix.ps1', 'rollback.ps1', 'collect-evidence.ps1'] : ['collect-evidence.ps1']);
        for (const file of scripts) {
          const bytes = fileBytes(file);
          expect([...bytes.slice(0, 3)], file.name).toEqual([0xef, 0xbb, 0xbf]);
          const text = new TextDecoder().decode(bytes.slice(3));
          expect(text.replace(/\r\n/g, ''), `${file.name} has a bare CR or LF`).not.toMatch(/[\r\n]/);
          const tree = parser.parse(text);
          expect(syntaxProblems(tree!.rootNode), file.name).toEqual([]);
          expect(tree!.rootNode.hasError, file.name).toBe(false);
        }
      });
    }
  }

  it('finds a syntax error when there is one (the check can fail)', () => {
    const tree = parser.parse("if ($a) {\r\n  Write-Host 'x\r\n");
    expect(tree!.rootNode.hasError).toBe(true);
  });

  const GOLDEN = [
    { file: 'fix-intermediatesNotSent-en.ps1', caseIndex: 0, locale: 'en', script: 'fix.ps1' },
    { file: 'rollback-intermediatesNotSent-en.ps1', caseIndex: 0, locale: 'en', script: 'rollback.ps1' },
    { file: 'fix-wrongCertificatePresented-cs.ps1', caseIndex: 5, locale: 'cs', script: 'fix.ps1' },
    { file: 'fix-certificateNameMismatch-en.ps1', caseIndex: 1, locale: 'en', script: 'fix.ps1' },
    { file: 'collect-evidence-cs.ps1', caseIndex: 0, locale: 'cs', script: 'collect-evidence.ps1' },
    { file: 'rollback-certificateNameMismatch-en.ps1', caseIndex: 1, locale: 'en', script: 'rollback.ps1' },
    { file: 'fix-noTls-cs.ps1', caseIndex: 7, locale: 'cs', script: 'fix.ps1' },
    { file: 'rollback-noTls-en.ps1', caseIndex: 7, locale: 'en', script: 'rollback.ps1' },
    { file: 'fix-senderIpChanged-en.ps1', caseIndex: 2, locale: 'en', script: 'fix.ps1' },
  ] as const;

  for (const g of GOLDEN) {
    it(`matches the reviewed golden file ${g.file} (UPDATE_GOLDEN=1 rewrites it)`, async () => {
      const { files } = await pack(g.caseIndex, g.locale);
      const file = files.find((f) => f.name === g.script);
      const actual = structural(new TextDecoder().decode(fileBytes(file!).slice(3)));
      const path = EXPECTED + g.file;
      if (process.env['UPDATE_GOLDEN']) {
        mkdirSync(EXPECTED, { recursive: true });
        writeFileSync(path, actual);
      }
      expect(actual).toBe(readFileSync(path, 'utf8'));
    });
  }
});

describe('fix.ps1 content', () => {
  it('embeds exactly the missing intermediate, not the leaf or the root, and checks its thumbprint', async () => {
    const { files, plan } = await pack(0, 'en');
    const fix = new TextDecoder().decode(fileBytes(files.find((f) => f.name === 'fix.ps1')!));
    expect(plan.intermediates.map((c) => c.subject)).toEqual(['CN=Relay Doctor Test Issuing CA 1, O=Relay Doctor Test, C=CZ']);
    expect(fix.match(/Base64 = '/g)).toHaveLength(1);
    expect(fix).toContain(`Thumbprint = '${plan.intermediates[0]!.sha1}'`);
    expect(fix).toContain('$actual = Get-Sha1Hex -Bytes ([System.Convert]::FromBase64String($item.Base64))');
    expect(fix).toContain('if ($actual -ne $item.Thumbprint) {');
    // The check runs before the backup, the backup before the first change.
    expect(fix.indexOf('if ($actual -ne $item.Thumbprint)')).toBeLessThan(fix.indexOf('Stop-Script -Reasons $script:Problems'));
    expect(fix.indexOf('Stop-Script -Reasons $script:Problems')).toBeLessThan(fix.indexOf('Import-Certificate -FilePath'));
    expect(fix).toContain("[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]");
    expect(fix).toContain('Start-Transcript');
  });

  it('quotes an apostrophe in a connector name instead of ending the string', async () => {
    const { files } = await pack(1, 'en');
    const fix = new TextDecoder().decode(fileBytes(files.find((f) => f.name === 'fix.ps1')!));
    expect(fix).toContain("Set-InboundConnector -Identity 'Relay from O''Brien''s server' -TlsSenderCertificateName 'relay.contoso.com'");
  });

  it('writes Czech messages intact', async () => {
    const { files } = await pack(0, 'cs');
    const fix = new TextDecoder().decode(fileBytes(files.find((f) => f.name === 'fix.ps1')!));
    expect(fix).toContain('Zprostředkující certifikační autority');
  });

  it('spells out a control character in a saved report\'s timestamp instead of failing the pack', async () => {
    const r = await buildFixPack({
      report: { ...report([cause('cause.intermediatesNotSent', ['remediation.importIntermediates'])]), generatedAt: '2026-11-28T12:00:00Z\r\nWrite-Host pwned' },
      evidence: [pfxEvidence()],
      locale: 'en',
    });
    if (!r.ok) throw new Error(r.error.code);
    const fix = new TextDecoder().decode(fileBytes(r.value.files.find((f) => f.name === 'fix.ps1')!));
    expect(fix).toContain('# Generated 2026-11-28T12:00:00Z<U+000D><U+000A>Write-Host pwned for: The sending server does not send its intermediate certificates');
    expect(fix).not.toMatch(/^Write-Host pwned/m);
  });

  for (const [label, bad] of [['NUL', 'a\u0000b'], ['U+2028', 'a\u2028b'], ['a lone CR', 'a\rb'], ['ESC', 'a\u001b[2Jb'], ['NEL', 'a\u0085b']] as const) {
    it(`leaves out a connector name holding ${label} with a note and still writes the rest of the pack`, async () => {
      const r = await buildFixPack({
        report: report([
          cause('cause.certificateNameMismatch', ['remediation.fixConnectorName'], { inboundConnector: bad, expectedName: 'x.contoso.com' }),
          cause('cause.intermediatesNotSent', ['remediation.importIntermediates'], { thumbprint: LEAF.sha1 }),
        ]),
        evidence: [pfxEvidence()],
        locale: 'en',
      });
      if (!r.ok) throw new Error(r.error.code);
      expect(r.value.plan.omitted).toEqual([{ field: 'inboundConnector', codePoint: label === 'NUL' ? 'U+0000' : label === 'U+2028' ? 'U+2028' : label === 'ESC' ? 'U+001B' : label === 'NEL' ? 'U+0085' : 'U+000D' }]);
      const names = r.value.files.map((f) => f.name);
      expect(names).toContain('fix.ps1');
      expect(names).toContain('intermediate-1-Relay-Doctor-Test-Issuing-CA-1.cer');
      const fix = new TextDecoder().decode(fileBytes(r.value.files.find((f) => f.name === 'fix.ps1')!));
      // The import still happens; the connector change is named as not done, and why.
      expect(fix).toContain('Import-Certificate -FilePath');
      expect(fix).not.toContain('Set-InboundConnector -Identity');
      expect(fix).toContain("-f 'inboundConnector', '");
      for (const f of r.value.files) {
        if (!f.name.endsWith('.ps1') && !f.name.endsWith('.md') && !f.name.endsWith('.html')) continue;
        const text = new TextDecoder().decode(fileBytes(f));
        expect(text.replace(/\r\n/g, '\n'), f.name).not.toMatch(/[\u0000\u0085\u2028\u2029\u001b\r]/);
      }
      const md = r.value.files.find((f) => f.name === 'guide.md')!;
      expect(fileBytes(md).length).toBeGreaterThan(1000);
    });
  }
});
