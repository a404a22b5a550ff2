import { describe, expect, it } from 'vitest';
import { EKU_SERVER, ext, intermediate, leaf, makeCertificate, newKey, root } from './cert-factory';
import { cn } from './der-builder';
import { judgeChain } from './judge-chain';

describe('basic constraints and path length (RFC 5280 §6.1.4 (k)–(m))', () => {
  it('reports an issuer without cA=TRUE on the certificate that issued, not as a missing intermediate', async () => {
    const r = root();
    const notCa = makeCertificate({ subject: cn('Not A CA'), issuer: r, key: newKey(), extensions: [ext.basicConstraints(false)] });
    const out = await judgeChain([leaf(notCa), notCa], [r]);
    expect(out.path).toContain('cert.issuerNotCa@intermediate');
    expect(out.critical).not.toContain('chain.missingIntermediate');
  });

  it('reports an intermediate without basic constraints at all', async () => {
    const r = root();
    const bare = makeCertificate({ subject: cn('Bare'), issuer: r, key: newKey(), extensions: [ext.keyUsage(['keyCertSign'])] });
    expect((await judgeChain([leaf(bare), bare], [r])).path).toContain('cert.issuerNotCa@intermediate');
  });

  it('counts only non-self-issued intermediates below a pathLenConstraint', async () => {
    const r = root();
    const top = intermediate(r, 'Top', [], { pathLength: 0 });
    const below = intermediate(top, 'Below');
    const exceeded = await judgeChain([leaf(below), below, top], [r]);
    expect(exceeded.path).toContain('cert.pathLengthExceeded@intermediate');
    const atLimit = await judgeChain([leaf(top), top], [r]);
    expect(atLimit.path).toEqual([]);
  });

  it('applies the root’s own pathLenConstraint', async () => {
    const r = root('Root pathlen 0', [], newKey());
    const limited = makeCertificate({ subject: r.subject, key: r.key, extensions: [ext.basicConstraints(true, 0), ext.keyUsage(['keyCertSign'])] });
    const i = intermediate(limited);
    const out = await judgeChain([leaf(i), i], [limited]);
    expect(out.path).toContain('cert.pathLengthExceeded@root');
  });

  it('does not count the leaf against a pathLenConstraint, even when the leaf is a CA checked on its own', async () => {
    const r = root();
    const top = intermediate(r, 'Top', [], { pathLength: 0 });
    const caLeaf = intermediate(top, 'CA checked alone');
    expect((await judgeChain([caLeaf, top], [r])).path).toEqual([]);
  });

  it('reports a server certificate marked cA=TRUE', async () => {
    const r = root();
    const caServer = makeCertificate({ subject: cn('relay.contoso.com'), issuer: r,
      extensions: [ext.basicConstraints(true), ext.keyUsage(['digitalSignature']), ext.extKeyUsage([EKU_SERVER])] });
    expect((await judgeChain([caServer], [r])).path).toContain('cert.leafIsCa@leaf');
  });
});
