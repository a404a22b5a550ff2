import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../shared/engine/run';
import { fileBytes } from '../../shared/fixpack/build-fixpack';
import { buildFixPackExport } from '../../electron/services/pdf';
import type { TrustAnchor } from '../../shared/model/analyzer';
import { psParser } from '../unit/shared/fixpack/helpers';

const ROOT = fileURLToPath(new URL('../../../shared/corpus/badssl/prod-chains', import.meta.url));
const present = existsSync(join(ROOT, 'wildcard-incomplete-chain.pem'));
if (!present) console.warn(`[corpus] SKIPPED fix-pack badssl suite: ${ROOT} is missing (see DEVELOPERS.md)`);

const body = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
const MOZILLA: TrustAnchor[] = tls.rootCertificates.map((p) => ({ derBase64: body(p), store: 'mozilla' }));
const input = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(ROOT, name))) });
// Inside the leaf's validity (INDEX.tsv: 2020-03-23 … 2022-05-17).
const AT = new Date('2021-06-01T00:00:00Z');

describe.skipIf(!present)('fix pack for badssl.com wildcard-incomplete-chain (KB 3212877 on a real chain)', { timeout: 120_000 }, () => {
  it('imports exactly the DigiCert intermediate the server failed to send, in scripts that parse and a PDF that names it', async () => {
    // 1. What the server sends: the leaf alone. 2. What the admin then fetched: the intermediate (the same
    // leaf with its chain, as the AIA download would give).
    const sent = await runAnalysis([input('wildcard-incomplete-chain.pem')], { locale: 'cs', now: AT, trustAnchors: MOZILLA, generatedAt: AT });
    expect(sent.report.causes.map((c) => c.id)).toContain('cause.intermediatesNotSent');
    const fetched = await runAnalysis([input('wildcard-rsa2048.pem')], { locale: 'cs', now: AT, trustAnchors: MOZILLA, generatedAt: AT });
    const intermediate = fetched.evidence.flatMap((e) => (e.kind === 'certificates' ? e.certificates : [])).find((c) => c.isCa && !c.selfSigned);
    expect(intermediate?.subject).toContain('DigiCert SHA2 Secure Server CA');

    const r = await buildFixPackExport({ report: sent.report, evidence: sent.evidence, locale: 'cs', intermediates: [intermediate!] });
    if (!r.ok) throw new Error(r.error.code);
    const names = r.value.files.map((f) => f.name);
    expect(names).toContain('intermediate-1-DigiCert-SHA2-Secure-Server-CA.cer');

    const parser = await psParser();
    for (const f of r.value.files.filter((x) => x.name.endsWith('.ps1'))) {
      const text = new TextDecoder().decode(fileBytes(f).slice(3));
      expect(parser.parse(text)!.rootNode.hasError, f.name).toBe(false);
    }
    const fix = new TextDecoder().decode(fileBytes(r.value.files.find((f) => f.name === 'fix.ps1')!));
    expect(fix).toContain(`Thumbprint = '${intermediate!.sha1}'`);

    const dir = mkdtempSync(join(tmpdir(), 'rd-fixpack-'));
    writeFileSync(join(dir, 'guide.pdf'), fileBytes(r.value.files[0]!));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'guide.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(intermediate!.sha1);
    expect(text).toContain('Jak to opravit');
  });
});
