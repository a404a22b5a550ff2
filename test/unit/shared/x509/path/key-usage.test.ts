import { describe, expect, it } from 'vitest';
import { EKU_CLIENT, EKU_SERVER, ext, intermediate, leaf, makeCertificate, newKey, root } from './cert-factory';
import { CN, name } from './der-builder';
import { judgeChain } from './judge-chain';

const ANY_EKU = '2.5.29.37.0';
const CODE_SIGNING = '1.3.6.1.5.5.7.3.3';

describe('key usage and extended key usage along the path', () => {
  it('reports an issuer whose key usage lacks keyCertSign (§6.1.4 (n))', async () => {
    const r = root();
    const i = makeCertificate({ subject: name([CN, 'No keyCertSign']), issuer: r, key: newKey(),
      extensions: [ext.basicConstraints(true, 0), ext.keyUsage(['digitalSignature'])] });
    expect((await judgeChain([leaf(i), i], [r])).path).toContain('cert.keyCertSignMissing@intermediate');
  });

  it('reports a leaf that asserts keyCertSign without being a CA', async () => {
    const r = root();
    const l = leaf(r, 'relay.contoso.com', [], {
      extensions: [ext.keyUsage(['digitalSignature', 'keyCertSign']), ext.extKeyUsage([EKU_SERVER])] });
    expect((await judgeChain([l], [r])).path).toContain('cert.leafKeyCertSign@leaf');
  });

  it('reports a leaf EKU without Server Authentication, but accepts a leaf without any EKU (RFC 5280 §4.2.1.12)', async () => {
    const r = root();
    const clientOnly = leaf(r, 'relay.contoso.com', [], { extensions: [ext.extKeyUsage([EKU_CLIENT])] });
    expect((await judgeChain([clientOnly], [r])).path).toContain('cert.ekuNotServerAuth@leaf');
    const noEku = leaf(r, 'relay.contoso.com', [], { extensions: [ext.keyUsage(['digitalSignature'])] });
    expect((await judgeChain([noEku], [r])).path).not.toContain('cert.ekuNotServerAuth@leaf');
  });

  it('reports anyExtendedKeyUsage and a critical EKU on the leaf (BRs 7.1.2.7.10)', async () => {
    const r = root();
    const any = leaf(r, 'relay.contoso.com', [], { extensions: [ext.extKeyUsage([EKU_SERVER, ANY_EKU])] });
    expect((await judgeChain([any], [r])).path).toContain('cert.leafAnyEku@leaf');
    const critical = leaf(r, 'relay.contoso.com', [], { extensions: [ext.extKeyUsage([EKU_SERVER], true)] });
    expect((await judgeChain([critical], [r])).path).toContain('cert.extensionCriticality@leaf');
  });

  it('reports an intermediate whose EKU leaves Server Authentication out of the chain, as CryptoAPI does', async () => {
    const r = root();
    const codeOnly = intermediate(r, 'Code signing CA', [ext.extKeyUsage([CODE_SIGNING])]);
    expect((await judgeChain([leaf(codeOnly), codeOnly], [r])).path).toContain('cert.caEkuMismatch@intermediate');
    const tls = intermediate(r, 'TLS CA', [ext.extKeyUsage([EKU_SERVER, EKU_CLIENT])]);
    expect((await judgeChain([leaf(tls), tls], [r])).path).toEqual([]);
  });

  it('reports an EKU on a root the user added (BRs 7.1.2.1.2)', async () => {
    const r = root('Root with EKU', [ext.extKeyUsage([EKU_SERVER])]);
    expect((await judgeChain([leaf(r)], [r])).path).toContain('cert.rootHasEku@root');
  });
});
