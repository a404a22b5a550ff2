import { describe, expect, it } from 'vitest';
import { ext, gn, leaf, makeCertificate, root } from './cert-factory';
import { cn, ctx, ia5, octets, oid, seq, utf8 } from './der-builder';
import { judgeChain } from './judge-chain';

describe('extensions (RFC 5280 §4.2)', () => {
  it('refuses a critical extension nobody understands, and accepts the same one non-critical', async () => {
    const r = root();
    const critical = leaf(r, 'relay.contoso.com', [ext.raw('1.3.6.1.4.1.55555.1', utf8('x'), true)]);
    const out = await judgeChain([critical], [r]);
    expect(out.path).toContain('cert.unknownCriticalExtension@leaf');
    expect(out.findings.find((f) => f.id === 'cert.unknownCriticalExtension')?.params['oid']).toBe('1.3.6.1.4.1.55555.1');
    const plain = leaf(r, 'relay.contoso.com', [ext.raw('1.3.6.1.4.1.55555.1', utf8('x'), false)]);
    expect((await judgeChain([plain], [r])).path).toEqual([]);
  });

  it('refuses an unknown critical extension on a root the user added', async () => {
    const r = root('Root', [ext.raw('1.3.6.1.4.1.55555.2', utf8('x'), true)]);
    expect((await judgeChain([leaf(r)], [r])).path).toContain('cert.unknownCriticalExtension@root');
  });

  it('refuses an extension that appears twice', async () => {
    const r = root();
    const twice = leaf(r, 'relay.contoso.com', [ext.keyUsage(['digitalSignature'])]);
    expect((await judgeChain([twice], [r])).path).toContain('cert.duplicateExtension@leaf');
  });

  it('refuses a known extension whose value does not decode (an empty AIA)', async () => {
    const r = root();
    const badAia = leaf(r, 'relay.contoso.com', [ext.raw('1.3.6.1.5.5.7.1.1', seq())]);
    const out = await judgeChain([badAia], [r]);
    expect(out.findings.find((f) => f.id === 'cert.extensionMalformed')?.params['extension']).toBe('authorityInfoAccess');
  });

  it('refuses a critical AIA and a CA whose basic constraints are not critical', async () => {
    const r = root();
    const aia = seq(seq(oid('1.3.6.1.5.5.7.48.2'), ctx(6, false, ia5('http://ca.contoso.com/ca.crt'))));
    expect((await judgeChain([leaf(r, 'relay.contoso.com', [ext.raw('1.3.6.1.5.5.7.1.1', aia, true)])], [r])).path)
      .toContain('cert.extensionCriticality@leaf');
    const soft = makeCertificate({ subject: cn('Soft root'), extensions: [ext.basicConstraints(true, undefined, false), ext.keyUsage(['keyCertSign'])] });
    expect((await judgeChain([leaf(soft)], [soft])).path).toContain('cert.extensionCriticality@root');
  });

  it('wants the SAN critical exactly when the subject is empty', async () => {
    const r = root();
    const emptyNonCritical = makeCertificate({ subject: seq(), issuer: r, extensions: [ext.subjectAltName([gn.dns('relay.contoso.com')])] });
    expect((await judgeChain([emptyNonCritical], [r])).path).toContain('cert.extensionCriticality@leaf');
    const emptyCritical = makeCertificate({ subject: seq(), issuer: r, extensions: [ext.subjectAltName([gn.dns('relay.contoso.com')], true)] });
    expect((await judgeChain([emptyCritical], [r])).path).toEqual([]);
    const namedCritical = leaf(r, 'relay.contoso.com', [], { extensions: [ext.subjectAltName([gn.dns('relay.contoso.com')], true)] });
    expect((await judgeChain([namedCritical], [r])).path).toContain('cert.extensionCriticality@leaf');
  });

  it('keeps octets() honest: an extension value is wrapped once', () => {
    expect(octets(utf8('x'))[0]).toBe(0x04);
  });
});
