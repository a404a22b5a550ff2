import { describe, expect, it } from 'vitest';
import { ext, intermediate, leaf, makeCertificate, newKey, root } from './cert-factory';
import { cn, ctx, octets, seq } from './der-builder';
import { judgeChain } from './judge-chain';

describe('authority and subject key identifiers (RFC 5280 §4.2.1.1–2, BRs 7.1.2.1.3)', () => {
  it('refuses a leaf and an intermediate without AKI, and accepts a self-signed root without one', async () => {
    const r = root();
    const i = makeCertificate({ subject: cn('CA without AKI'), issuer: r, key: newKey(), defaults: false,
      extensions: [ext.raw('2.5.29.14', octets(Uint8Array.of(1, 2, 3))), ext.basicConstraints(true), ext.keyUsage(['keyCertSign'])] });
    const l = leaf(i, 'relay.contoso.com', [], { defaults: false });
    const out = await judgeChain([l, i], [r]);
    expect(out.path).toContain('cert.authorityKeyIdMissing@leaf');
    expect(out.path).toContain('cert.authorityKeyIdMissing@intermediate');
    expect(out.path).not.toContain('cert.authorityKeyIdMissing@root');
  });

  it('refuses a CA without SKI', async () => {
    const r = makeCertificate({ subject: cn('Root without SKI'), defaults: false, extensions: [ext.basicConstraints(true), ext.keyUsage(['keyCertSign'])] });
    expect((await judgeChain([leaf(r)], [r])).path).toContain('cert.subjectKeyIdMissing@root');
  });

  it('finds an issuer whose key signed the certificate even when the AKI names another key, and says so', async () => {
    const r = root();
    const i = intermediate(r);
    const l = leaf(i, 'relay.contoso.com', [], { authorityKeyId: Uint8Array.of(9, 9, 9) });
    const out = await judgeChain([l, i], [r]);
    expect(out.path).toContain('cert.authorityKeyIdMismatch@leaf');
    expect(out.critical).not.toContain('chain.missingIntermediate');
  });

  it('refuses a root whose AKI holds an issuer and serial or another key identifier', async () => {
    const key = newKey();
    const withIssuer = makeCertificate({ subject: cn('Root AKI issuer'), key, defaults: false,
      extensions: [ext.raw('2.5.29.14', octets(Uint8Array.of(7))), ext.raw('2.5.29.35', seq(ctx(0, false, Uint8Array.of(7)), ctx(1, true, ctx(4, true, cn('Root AKI issuer'))), ctx(2, false, Uint8Array.of(1)))),
        ext.basicConstraints(true), ext.keyUsage(['keyCertSign'])] });
    expect((await judgeChain([leaf(withIssuer)], [withIssuer])).path).toContain('cert.rootAuthorityKeyIdInvalid@root');
  });
});
