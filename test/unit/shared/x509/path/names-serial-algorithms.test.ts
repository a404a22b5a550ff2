import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { ext, gn, leaf, makeCertificate, root } from './cert-factory';
import { CN, cn, ctx, ia5, name, oid, seq } from './der-builder';
import { judgeChain } from './judge-chain';

describe('names, serial numbers, versions and algorithms', () => {
  it('refuses an empty issuer and a CA with an empty subject', async () => {
    const r = root();
    const noIssuer = leaf(r, 'relay.contoso.com', [], { issuerName: seq() });
    // The empty issuer cannot be found by name: the leaf is judged alone.
    expect((await judgeChain([noIssuer], [r])).path).toContain('cert.issuerEmpty@leaf');
    const anonymousRoot = makeCertificate({ subject: seq(), extensions: [ext.basicConstraints(true), ext.keyUsage(['keyCertSign']),
      ext.subjectAltName([gn.dns('ca.contoso.com')], true)] });
    const l = makeCertificate({ subject: cn('relay.contoso.com'), issuer: anonymousRoot, extensions: [ext.subjectAltName([gn.dns('relay.contoso.com')])] });
    expect((await judgeChain([l], [anonymousRoot])).path).toContain('cert.subjectEmpty@root');
  });

  it('refuses SAN entries that are not names of their form, and an undecodable SAN', async () => {
    const r = root();
    const dotted = leaf(r, 'relay.contoso.com', [], { extensions: [ext.subjectAltName([gn.dns('.contoso.com'), gn.dns('relay.contoso.com')])] });
    const out = await judgeChain([dotted], [r]);
    expect(out.findings.find((f) => f.id === 'cert.subjectAltNameMalformed')?.params).toMatchObject({ name: '.contoso.com', problem: 'entry' });
    const shortIp = leaf(r, 'relay.contoso.com', [], { extensions: [ext.subjectAltName([gn.ip(10, 0, 0)])] });
    expect((await judgeChain([shortIp], [r])).path).toContain('cert.subjectAltNameMalformed@leaf');
    const notASequence = leaf(r, 'relay.contoso.com', [], { extensions: [ext.raw('2.5.29.17', ia5('relay.contoso.com'))] });
    expect((await judgeChain([notASequence], [r])).path).toContain('cert.subjectAltNameMalformed@leaf');
  });

  it('accepts wildcard and underscore SAN names real CAs still issue', async () => {
    const r = root();
    const l = leaf(r, 'relay.contoso.com', [], { extensions: [ext.subjectAltName([gn.dns('relay.contoso.com'), gn.dns('*.contoso.com'), gn.dns('_dmarc.contoso.com')])] });
    expect((await judgeChain([l], [r])).path).toEqual([]);
  });

  it('reports a leaf without SAN as high (Exchange Online still matches the CN), not critical', async () => {
    const r = root();
    const cnOnly = makeCertificate({ subject: cn('relay.contoso.com'), issuer: r, extensions: [ext.keyUsage(['digitalSignature'])] });
    const out = await judgeChain([cnOnly], [r], { expectName: 'relay.contoso.com' });
    expect(out.findings.find((f) => f.id === 'cert.noSubjectAltName')?.severity).toBe('high');
    expect(out.critical).toEqual([]);
  });

  it('refuses zero, negative and over-long serial numbers', async () => {
    const r = root();
    for (const [serial, problem] of [[Uint8Array.of(0), 'zero'], [Uint8Array.of(0xff, 0x01), 'negative'], [new Uint8Array(21).fill(1), 'tooLong']] as const) {
      const out = await judgeChain([leaf(r, 'relay.contoso.com', [], { serial })], [r]);
      expect(out.findings.find((f) => f.id === 'cert.serialNumberInvalid')?.params['problem']).toBe(problem);
    }
    expect((await judgeChain([leaf(r, 'relay.contoso.com', [], { serial: Uint8Array.of(0, 0x80) })], [r])).path).toEqual([]);
  });

  it('refuses a version 1 leaf', async () => {
    const r = root();
    const v1 = makeCertificate({ subject: name([CN, 'relay.contoso.com']), issuer: r, version: 1 });
    expect((await judgeChain([v1], [r])).path).toContain('cert.notVersion3@leaf');
  });

  it('refuses a certificate whose inner and outer signature algorithms differ', async () => {
    const r = root();
    const l = leaf(r, 'relay.contoso.com', [], { tbsSignatureAlgorithm: seq(oid('1.2.840.10045.4.3.3')) });
    expect((await judgeChain([l], [r])).path).toContain('cert.signatureAlgorithmMismatch@leaf');
  });

  it('keeps ctx() primitive tags primitive', () => {
    expect(ctx(2, false, ia5('a'))[0]).toBe(0x82);
  });
});

describe('rfc822 names', () => {
  it('refuses an email SAN with two @ signs and accepts a plain mailbox', async () => {
    const r = root();
    const two = leaf(r, 'relay.contoso.com', [], { extensions: [ext.subjectAltName([gn.dns('relay.contoso.com'), gn.email('a@b@contoso.com')])] });
    expect((await judgeChain([two], [r])).path).toContain('cert.subjectAltNameMalformed@leaf');
    const one = leaf(r, 'relay.contoso.com', [], { extensions: [ext.subjectAltName([gn.dns('relay.contoso.com'), gn.email('postmaster@contoso.com')])] });
    expect((await judgeChain([one], [r])).path).toEqual([]);
  });
});

describe('the CN of a server certificate (BRs 7.1.4.3)', () => {
  it('reports a CN that is not a SAN entry as high, and accepts a CN copied from the SAN', async () => {
    const r = root();
    const stray = makeCertificate({ subject: cn('relay.contoso.com'), issuer: r, extensions: [ext.subjectAltName([gn.dns('mail.contoso.com')])] });
    const out = await judgeChain([stray], [r], { expectName: 'relay.contoso.com' });
    expect(out.findings.find((f) => f.id === 'cert.commonNameNotInSan')).toMatchObject({ severity: 'high', params: { commonName: 'relay.contoso.com' } });
    expect(out.critical).toEqual([]);
    expect((await judgeChain([leaf(r, 'relay.contoso.com')], [r])).path).toEqual([]);
  });

  it('accepts a CN in Unicode whose A-label is the SAN (older public certificates, like badssl’s xn--n1aae7f7o)', async () => {
    const r = root();
    const idn = makeCertificate({ subject: cn('bücher.contoso.com'), issuer: r, extensions: [ext.subjectAltName([gn.dns('xn--bcher-kva.contoso.com')])] });
    expect((await judgeChain([idn], [r])).path).toEqual([]);
  });

  it('accepts a CN that is the RFC 5952 text of a SAN IPv6 address', async () => {
    const r = root();
    const v6 = makeCertificate({ subject: cn('2001:db8::1'), issuer: r,
      extensions: [ext.subjectAltName([gn.ip(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)])] });
    expect((await judgeChain([v6], [r])).path).toEqual([]);
  });
});

describe('RSA key sizes', () => {
  const rsaKey = (bits: number) => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
    return { privateKey, spki: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })) };
  };

  it('refuses an RSA key under 1024 bits as Windows does, and a modulus that is not a whole number of bytes', async () => {
    const r = root();
    const tiny = leaf(r, 'relay.contoso.com', [], { key: rsaKey(512) });
    const out = await judgeChain([tiny], [r]);
    expect(out.findings.find((f) => f.id === 'cert.keyTooSmall')).toMatchObject({ severity: 'critical', params: { bits: 512 } });
    const odd = leaf(r, 'relay.contoso.com', [], { key: rsaKey(2047) });
    expect((await judgeChain([odd], [r])).findings.find((f) => f.id === 'cert.keyAlgorithmNotAllowed')?.params['algorithm']).toBe('RSA 2047-bit');
    expect((await judgeChain([leaf(r, 'relay.contoso.com', [], { key: rsaKey(2048) })], [r])).path).toEqual([]);
  });
});
