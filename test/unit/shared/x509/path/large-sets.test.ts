import { describe, expect, it } from 'vitest';
import { buildPool, endEntities, MAX_NAMED_CANDIDATES, namedInPool } from '../../../../../shared/x509/chain/pool';
import { analyzeChains } from '../../../../../shared/x509/chain/analyze-chains';
import { judge } from '../../../../../shared/x509/judge/index';
import type { CertificateEvidence } from '../../../../../shared/x509/types';
import { ext, intermediate, leaf, makeCertificate, root } from './cert-factory';
import { cn } from './der-builder';
import { AT } from './judge-chain';

const evidenceOf = (certs: ReturnType<typeof makeCertificate>[]): CertificateEvidence[] =>
  [{ kind: 'certificates', id: 'set.pem', source: 'set.pem', origin: 'file', format: 'pem', certificates: certs.map((c) => c.record) }];

describe('sets of many certificates (issue 19: linear, not quadratic)', () => {
  it('looks at a bounded number of same-named issuers per certificate, the one its AKI names first', () => {
    const r = root('Shared name');
    const twins = Array.from({ length: MAX_NAMED_CANDIDATES * 3 }, (_, k) =>
      makeCertificate({ subject: r.subject, serial: Uint8Array.of(1, k), extensions: [ext.basicConstraints(true)] }));
    const child = leaf(r);
    const pool = buildPool(evidenceOf([...twins, r, child]));
    const named = namedInPool(pool, child.record);
    expect(named.length).toBeLessThanOrEqual(MAX_NAMED_CANDIDATES);
    expect(named.map((e) => e.record.sha256)).toContain(r.record.sha256);
  });

  it('treats thousands of self-signed certificates with one name as roots without comparing them pairwise', () => {
    const same = Array.from({ length: 300 }, (_, k) =>
      makeCertificate({ subject: cn('same'), serial: Uint8Array.of(2, k >> 8, k & 0xff), extensions: [ext.basicConstraints(true)] }));
    expect(endEntities(buildPool(evidenceOf(same)))).toEqual([]);
  });

  it('judges a bundle of many leaves of one CA, each with its own path, and the order of the file once', async () => {
    const r = root();
    const i = intermediate(r);
    const leaves = Array.from({ length: 200 }, (_, k) => leaf(i, `host${k}.contoso.com`));
    const evidence = evidenceOf([i, ...leaves]);
    const analysis = await analyzeChains(evidence, { now: AT, trustAnchors: [{ derBase64: r.record.derBase64, store: 'user' }] });
    expect(analysis.verdicts).toHaveLength(200);
    expect(analysis.verdicts.every((v) => v.best.end === 'trusted' && v.violations.length === 0)).toBe(true);
    const findings = judge({ analysis, evidence, now: AT });
    // The intermediate comes before every leaf: each chain is out of order, reported once for the file.
    expect(findings.filter((f) => f.id === 'chain.wrongOrder')).toHaveLength(1);
  });
});
