import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Parser } from 'web-tree-sitter';
import { buildFixPack, fileBytes } from '../../../../shared/fixpack/build-fixpack';
import { LOCALES } from '../../../../shared/i18n/locales';
import { CAUSE_CASES, cause, pfxEvidence, psParser, report, syntaxProblems } from './helpers';

const EXPECTED = fileURLToPath(new URL('../../../fixtures/expected/', import.meta.url));

async function pack(causeIndex: number, locale: (typeof LOCALES)[number]) {
  const c = CAUSE_CASES[causeIndex];
  if (!c) throw new Error('no such case');
  const r = await buildFixPack({ report: report([cause(c.id, c.remediation, c.params)]), evidence: [pfxEvidence()], locale });
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
        expect(scripts.map((f) => f.name)).toEqual(['fix.ps1', 'rollback.ps1', 'collect-evidence.ps1']);
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
    expect(fix).toContain('if ($cert.Thumbprint -ne $item.Thumbprint) {');
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

  it('refuses to build a pack when a connector name holds NUL', async () => {
    const r = await buildFixPack({
      report: report([cause('cause.certificateNameMismatch', ['remediation.fixConnectorName'], { inboundConnector: 'a\u0000b', expectedName: 'x.contoso.com' })]),
      evidence: [pfxEvidence()],
      locale: 'en',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('ps.quote.controlCharacter');
  });
});
