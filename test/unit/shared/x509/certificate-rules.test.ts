import { describe, expect, it } from 'vitest';
import { analyze, findingsOf } from './analyze-helpers';

describe('certificate rules', () => {
  it('cert.expired names the position and the date of an expired leaf', async () => {
    const out = await analyze(['leaf-expired.pem']);
    expect(findingsOf(out, 'cert.expired').map((f) => f.params)).toEqual([
      expect.objectContaining({ position: 'leaf', notAfter: '2021-01-01T00:00:00.000Z' }),
    ]);
    expect(findingsOf(out, 'cert.expired')[0]?.severity).toBe('critical');
  });

  it('cert.expired names an expired intermediate', async () => {
    const out = await analyze(['intermediate-expired.pem']);
    expect(findingsOf(out, 'cert.expired').map((f) => f.params['position'])).toEqual(['intermediate']);
  });

  it('cert.notYetValid for every certificate before its notBefore', async () => {
    const out = await analyze(['chain-complete.pem'], { now: new Date('2024-06-01T00:00:00Z') });
    expect(findingsOf(out, 'cert.notYetValid').map((f) => f.params['position']).sort()).toEqual([
      'intermediate',
      'leaf',
      'root',
    ]);
  });

  it('cert.expiresSoon within 30 days for the leaf and intermediate, not the root', async () => {
    const out = await analyze(['chain-complete.pem'], { now: new Date('2044-12-20T00:00:00Z') });
    const soon = findingsOf(out, 'cert.expiresSoon');
    expect(soon.map((f) => [f.params['position'], f.params['days'], f.severity])).toEqual([
      ['leaf', 12, 'medium'],
      ['intermediate', 12, 'medium'],
    ]);
    const early = await analyze(['chain-complete.pem'], { now: new Date('2044-11-20T00:00:00Z') });
    expect(findingsOf(early, 'cert.expiresSoon')).toEqual([]);
  });

  it('cert.weakSignature for a SHA-1 leaf', async () => {
    const out = await analyze(['leaf-sha1.pem']);
    expect(findingsOf(out, 'cert.weakSignature').map((f) => [f.params['position'], f.params['algorithm'], f.severity])).toEqual([
      ['leaf', 'sha1RSA', 'high'],
    ]);
  });

  it('cert.weakSignature for an MD5 leaf, whose link is unproven rather than called broken', async () => {
    const out = await analyze(['leaf-md5.pem']);
    expect(findingsOf(out, 'cert.weakSignature').map((f) => f.params['algorithm'])).toEqual(['md5RSA']);
    expect(out.ids).not.toContain('chain.signatureInvalid');
    expect(out.chains?.[0]?.status).toBe('complete');
  });

  it('cert.weakKey for RSA-1024 but not for EC P-256', async () => {
    const weak = await analyze(['leaf-rsa1024.pem']);
    expect(findingsOf(weak, 'cert.weakKey').map((f) => f.params)).toEqual([
      expect.objectContaining({ position: 'leaf', algorithm: 'RSA', bits: 1024 }),
    ]);
    expect((await analyze(['leaf-ec256.pem'])).ids).toEqual([]);
  });

  it('cert.noClientAuthEku is medium and only possible, for a serverAuth-only leaf', async () => {
    const out = await analyze(['leaf-serverauth-only.pem']);
    expect(findingsOf(out, 'cert.noClientAuthEku').map((f) => [f.severity, f.confidence, f.params['eku']])).toEqual([
      ['medium', 'possible', ['Server Authentication']],
    ]);
    expect((await analyze(['chain-complete.pem'])).ids).not.toContain('cert.noClientAuthEku');
  });

  describe('cert.nameMismatch', () => {
    const mismatch = async (file: string, name: string) =>
      findingsOf(await analyze([file], { expectName: name }), 'cert.nameMismatch');

    it('accepts the CN, a SAN, case differences and a leading *. connector wildcard', async () => {
      for (const name of ['relay.contoso.com', 'MAIL.contoso.com', '*.contoso.com', 'relay.contoso.com.']) {
        expect(await mismatch('chain-complete.pem', name)).toEqual([]);
      }
    });

    it('reports a name the leaf does not carry, with the names it does', async () => {
      const [f] = await mismatch('chain-complete.pem', 'smtp.fabrikam.com');
      expect(f?.params).toMatchObject({
        expected: 'smtp.fabrikam.com',
        names: ['relay.contoso.com', 'mail.contoso.com'],
        invalidName: false,
      });
    });

    it('lets a certificate wildcard cover exactly one label', async () => {
      expect(await mismatch('leaf-wildcard.pem', 'relay.contoso.com')).toEqual([]);
      expect(await mismatch('leaf-wildcard.pem', '*.contoso.com')).toEqual([]);
      expect(await mismatch('leaf-wildcard.pem', 'a.relay.contoso.com')).toHaveLength(1);
      expect(await mismatch('leaf-wildcard.pem', 'contoso.com')).toHaveLength(1);
    });

    it('treats an embedded wildcard in the connector name as invalid', async () => {
      const [f] = await mismatch('chain-complete.pem', 'relay.*.com');
      expect(f?.params['invalidName']).toBe(true);
    });
  });
});
