import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { X509Certificate } from 'node:crypto';
import * as tls from 'node:tls';
import { describe, expect, it } from 'vitest';
import { analyzeChains, certificateAnalyzer, readCertificateBytes, type CertificateEvidence } from '../../shared/x509/index';
import type { TrustAnchor } from '../../shared/model/analyzer';

const ROOT = fileURLToPath(new URL('../../../shared/corpus/badssl', import.meta.url));
const present = existsSync(join(ROOT, 'INDEX.tsv'));
if (!present) console.warn(`[corpus] SKIPPED badssl suite: ${ROOT} is missing (see DEVELOPERS.md)`);

const body = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
const MOZILLA: TrustAnchor[] = tls.rootCertificates.map((p) => ({ derBase64: body(p), store: 'mozilla' }));
// Node ≥ 22 gives the OS store too; the CLI adds it the same way.
const SYSTEM: TrustAnchor[] = (() => {
  try {
    return tls.getCACertificates('system').map((p) => ({ derBase64: body(p), store: 'system' as const }));
  } catch {
    return [];
  }
})();

interface IndexRow {
  file: string;
  certs: number;
  notBefore: Date;
  notAfter: Date;
}

function index(): IndexRow[] {
  const [, ...rows] = readFileSync(join(ROOT, 'INDEX.tsv'), 'utf8').trim().split('\n');
  return rows.map((line) => {
    const [file, certs, , , nb, na] = line.split('\t');
    return { file: file!, certs: Number(certs), notBefore: new Date(nb!), notAfter: new Date(na!) };
  });
}

/** A time inside the leaf's validity, as INDEX.tsv gives it: the prod chains are all expired now. */
const inside = (row: IndexRow) => new Date((row.notBefore.getTime() + row.notAfter.getTime()) / 2);

async function evidence(file: string): Promise<CertificateEvidence> {
  const r = await readCertificateBytes(file, new Uint8Array(readFileSync(join(ROOT, file))));
  if (!r.ok) throw new Error(`${file}: ${r.error.code}`);
  return { kind: 'certificates', id: file, source: file, origin: 'file', format: r.value.format, certificates: r.value.certificates };
}

function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

describe.skipIf(!present)('badssl corpus', () => {
  it('reads every certificate file with the number of certificates INDEX.tsv lists, and analyses it', async () => {
    const rows = index();
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) {
      const ev = await evidence(row.file);
      expect(ev.certificates.length, row.file).toBe(row.certs);
      const out = await certificateAnalyzer.analyze([ev], { now: inside(row), trustAnchors: MOZILLA, answers: {} });
      expect(out.certificates?.length, row.file).toBeGreaterThanOrEqual(row.certs);
      const first = ev.certificates[0]!;
      if (!first.isCa) expect(out.chains?.map((c) => c.leaf), row.file).toContain(first.sha1);
    }
  });

  it('verifies every signature link of the real chains (RSA PKCS#1 and ECDSA, SHA-1 to SHA-512)', async () => {
    const statuses = new Map<string, string[]>();
    for (const row of index()) {
      const analysis = await analyzeChains([await evidence(row.file)], { now: inside(row), trustAnchors: [...MOZILLA, ...SYSTEM] });
      for (const v of analysis.verdicts) for (const l of v.best.links) statuses.set(l, [...(statuses.get(l) ?? []), row.file]);
    }
    expect(statuses.get('invalid') ?? []).toEqual([]);
    expect(statuses.get('valid')?.length).toBeGreaterThan(40);
    expect(statuses.get('unsupported') ?? []).toEqual([]);
  });

  it('reads all 10,000 SANs of the 10000-sans certificate', async () => {
    const ev = await evidence('prod-chains/subdomain-10000-sans.pem');
    expect(ev.certificates[0]!.dnsNames.length).toBeGreaterThanOrEqual(10_000);
  });

  // What each badssl scenario must produce at a time inside its leaf's validity (Mozilla anchors).
  const expected: Array<[string, string]> = [
    ['2015-local-test-ca/wildcard.incomplete-chain.pem', 'chain.missingIntermediate'],
    ['2015-local-test-ca/wildcard.normal.pem', 'chain.untrustedRoot'],
    ['2015-local-test-ca/wildcard.rsa1024.pem', 'cert.weakKey'],
    ['2015-local-test-ca/wildcard.rsa512.pem', 'cert.weakKey'],
    ['2015-local-test-ca/wildcard.self-signed.pem', 'chain.selfSignedLeaf'],
    ['2015-local-test-ca/wildcard.sha1-2016.pem', 'cert.weakSignature'],
    ['prod-chains/wildcard-sha1-2016.pem', 'cert.weakSignature'],
    ['prod-chains/wildcard-self-signed.pem', 'chain.selfSignedLeaf'],
    ['prod-chains/subdomain-superfish.pem', 'chain.missingIntermediate'],
  ];
  it.each(expected)('%s gives %s', async (file, id) => {
    const row = index().find((r) => r.file === file)!;
    const out = await certificateAnalyzer.analyze([await evidence(file)], { now: inside(row), trustAnchors: MOZILLA, answers: {} });
    expect(out.findings.map((f) => f.id)).toContain(id);
  });

  it('reports wildcard-expired.pem as expired today and not inside its validity', async () => {
    const file = 'prod-chains/wildcard-expired.pem';
    const row = index().find((r) => r.file === file)!;
    const later = await certificateAnalyzer.analyze([await evidence(file)], { now: new Date('2026-01-01'), trustAnchors: MOZILLA, answers: {} });
    const during = await certificateAnalyzer.analyze([await evidence(file)], { now: inside(row), trustAnchors: MOZILLA, answers: {} });
    expect(later.findings.filter((f) => f.id === 'cert.expired').map((f) => f.params['position'])).toContain('leaf');
    expect(during.findings.filter((f) => f.id === 'cert.expired' && f.params['position'] === 'leaf')).toEqual([]);
  });

  it('never throws on any file of the corpus, certificate or not', async () => {
    for (const file of allFiles(ROOT)) {
      const r = await readCertificateBytes(file, new Uint8Array(readFileSync(join(ROOT, file))));
      expect(typeof r.ok, file).toBe('boolean');
    }
  });

  const incomplete = 'prod-chains/wildcard-incomplete-chain.pem';
  const at = new Date('2021-06-01T00:00:00Z'); // inside Mar 2020 – May 2022 (INDEX.tsv)

  it('reports the missing DigiCert intermediate of the incomplete chain with its AIA URL', async () => {
    const out = await certificateAnalyzer.analyze([await evidence(incomplete)], { now: at, trustAnchors: MOZILLA, answers: {} });
    expect(out.chains?.[0]).toMatchObject({
      status: 'incomplete',
      missingIssuer: 'CN=DigiCert SHA2 Secure Server CA, O=DigiCert Inc, C=US',
      aiaUrls: ['http://cacerts.digicert.com/DigiCertSHA2SecureServerCA.crt'],
    });
    expect(out.findings.map((f) => f.id)).toContain('chain.missingIntermediate');
  });

  it('no longer misses the intermediate once wildcard-rsa2048.pem supplies it', async () => {
    const full = await evidence('prod-chains/wildcard-rsa2048.pem');
    const intermediate: CertificateEvidence = { ...full, id: 'intermediate', source: 'intermediate.pem', certificates: full.certificates.slice(1) };
    const anchors = [...MOZILLA, ...SYSTEM];
    const out = await certificateAnalyzer.analyze([await evidence(incomplete), intermediate], { now: at, trustAnchors: anchors, answers: {} });
    const chain = out.chains?.[0];
    expect(chain?.path).toHaveLength(chain?.status === 'complete' ? 3 : 2);
    // DigiCert Global Root CA left Node 22's Mozilla list; Debian's system store still has it.
    const rootKnown = anchors.some((a) =>
      new X509Certificate(Buffer.from(a.derBase64, 'base64')).subject.includes('CN=DigiCert Global Root CA'),
    );
    if (rootKnown) {
      expect(chain).toMatchObject({ status: 'complete', trustStore: 'system' });
      expect(out.findings.map((f) => f.id)).not.toContain('chain.missingIntermediate');
    } else {
      expect(chain?.missingIssuer).toBe('CN=DigiCert Global Root CA, OU=www.digicert.com, O=DigiCert Inc, C=US');
    }
  });
});
