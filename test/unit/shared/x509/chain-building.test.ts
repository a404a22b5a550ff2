import { describe, expect, it } from 'vitest';
import { analyze, findingsOf, MOZILLA, NOW, userAnchors } from './analyze-helpers';
import { fixture, nodeCertificates, thumbprint } from './fixtures';

const sha1Of = (file: string, i = 0) => thumbprint(nodeCertificates(file)[i]!);

describe('chain building', () => {
  const leaf = sha1Of('leaf-only.pem');
  const int = sha1Of('intermediate.pem');
  const root = sha1Of('root.pem');

  it('completes leaf + intermediate with the root from the trust store and names the store', async () => {
    const out = await analyze(['chain-complete.pem']);
    expect(out.chains).toEqual([{ leaf, path: [leaf, int, root], status: 'complete', trustStore: 'user' }]);
    expect(out.ids).toEqual([]);
    expect(out.certificates?.find((c) => c.sha1 === root)?.sources).toEqual(['trust-store:user']);
  });

  it('builds the same chain whatever the order and grouping of the files', async () => {
    const a = await analyze(['leaf-only.pem', 'intermediate.pem']);
    const b = await analyze(['intermediate.pem', 'leaf-only.cer']);
    expect(a.chains).toEqual(b.chains);
    expect(a.chains?.[0]?.path).toEqual([leaf, int, root]);
  });

  it('reports the missing intermediate with its name and the AIA URL of the last certificate', async () => {
    const out = await analyze(['leaf-only.pem']);
    expect(out.chains?.[0]).toMatchObject({
      status: 'incomplete',
      missingIssuer: 'CN=Relay Doctor Test Issuing CA, O=Relay Doctor Test, C=CZ',
      aiaUrls: ['http://pki.relay-doctor.test/issuing.cer'],
    });
    const [f] = findingsOf(out, 'chain.missingIntermediate');
    expect(f).toMatchObject({
      severity: 'critical',
      params: { missingIssuer: 'CN=Relay Doctor Test Issuing CA, O=Relay Doctor Test, C=CZ', aiaCount: 1 },
      evidence: ['leaf-only.pem', `cert:${leaf}`],
    });
  });

  it('calls a private root missing when the store does not know it and it was not supplied', async () => {
    const out = await analyze(['chain-complete.pem'], { anchors: MOZILLA });
    expect(findingsOf(out, 'chain.missingIntermediate')[0]?.params).toMatchObject({
      missingIssuer: 'CN=Relay Doctor Test Root CA, O=Relay Doctor Test, C=CZ',
      aiaUrls: ['http://pki.relay-doctor.test/root.cer'],
      store: 'mozilla',
    });
  });

  it('reports an untrusted root when the supplied root is not in the store, and that it was included', async () => {
    const out = await analyze(['chain-with-root.pem'], { anchors: MOZILLA });
    expect(out.chains?.[0]).toMatchObject({ status: 'untrusted', trustStore: 'mozilla', path: [leaf, int, root] });
    expect(out.ids).toEqual(['chain.rootIncluded', 'chain.untrustedRoot']);
  });

  it('reports an included root as info only when it is trusted', async () => {
    const out = await analyze(['chain-with-root.pem']);
    expect(out.chains?.[0]?.status).toBe('complete');
    expect(out.findings.map((f) => [f.id, f.severity])).toEqual([['chain.rootIncluded', 'info']]);
  });

  it('reports a bundle out of order and still builds the chain', async () => {
    const out = await analyze(['chain-wrong-order.pem']);
    expect(out.chains?.[0]?.path).toEqual([leaf, int, root]);
    const [f] = findingsOf(out, 'chain.wrongOrder');
    expect(f?.params['expected']).toEqual([
      'CN=relay.contoso.com, O=Contoso, C=CZ',
      'CN=Relay Doctor Test Issuing CA, O=Relay Doctor Test, C=CZ',
      'CN=Relay Doctor Test Root CA, O=Relay Doctor Test, C=CZ',
    ]);
  });

  it('does not judge the order of a PKCS#7 file, which is a set', async () => {
    const out = await analyze(['chain.p7b']);
    expect(out.ids).toEqual([]);
  });

  it('reports a self-signed leaf and no separate untrusted root', async () => {
    const out = await analyze(['self-signed-leaf.pem'], { anchors: MOZILLA });
    expect(out.ids).toEqual(['chain.selfSignedLeaf']);
    expect(out.chains?.[0]?.status).toBe('untrusted');
  });

  it('reports a signature that the named issuer did not make', async () => {
    const out = await analyze(['leaf-bad-signature.cer', 'intermediate.pem']);
    const [f] = findingsOf(out, 'chain.signatureInvalid');
    expect(f?.params).toMatchObject({ subject: 'CN=relay.contoso.com, O=Contoso, C=CZ', issuerSha1: int });
  });

  it('reports a supplied certificate that belongs to no path', async () => {
    const out = await analyze(['chain-with-unrelated.pem']);
    expect(findingsOf(out, 'chain.unrelatedCertificate').map((f) => f.params['subject'])).toEqual([
      'CN=Fabrikam Unrelated CA, O=Fabrikam, C=CZ',
    ]);
    expect(out.chains?.[0]?.status).toBe('complete');
  });

  it('picks the valid one of two intermediates with the same name and key, and explains the other', async () => {
    const old = sha1Of('intermediate-renewed-expired.pem');
    const out = await analyze(['chain-renewed-intermediates.pem']);
    expect(out.chains?.[0]?.path).toEqual([leaf, int, root]);
    expect(out.ids).toEqual(['chain.alternativePath']);
    expect(findingsOf(out, 'chain.alternativePath')[0]?.params).toMatchObject({
      pathSha1: [leaf, old, root],
      reason: 'timeInvalid',
    });
  });

  it('reports the expired intermediate when only the old renewal was supplied', async () => {
    const out = await analyze(['leaf-only.pem', 'intermediate-renewed-expired.pem']);
    expect(findingsOf(out, 'cert.expired').map((f) => f.params['position'])).toEqual(['intermediate']);
  });

  it('follows a cross-certificate to the root the store trusts and explains the untrusted alternative', async () => {
    const files = ['leaf-only.pem', 'intermediate.pem', 'root.pem', 'root-cross-signed-by-legacy.pem'];
    const out = await analyze(files, { anchors: userAnchors('legacy-root.pem') });
    const cross = sha1Of('root-cross-signed-by-legacy.pem');
    const legacy = sha1Of('legacy-root.pem');
    expect(out.chains?.[0]).toMatchObject({ status: 'complete', path: [leaf, int, cross, legacy] });
    expect(findingsOf(out, 'chain.alternativePath')[0]?.params).toMatchObject({
      pathSha1: [leaf, int, root],
      reason: 'lessTrusted',
      end: 'selfSigned',
    });
    expect(out.ids).not.toContain('chain.unrelatedCertificate');
  });

  it('merges a certificate given in two files into one entry with both sources', async () => {
    const out = await analyze(['leaf-only.pem', 'leaf-only.cer', 'intermediate.pem']);
    expect(out.certificates?.find((c) => c.sha1 === leaf)?.sources).toEqual(['leaf-only.cer', 'leaf-only.pem']);
    expect(out.chains).toHaveLength(1);
  });

  it('gives each of several leaves with the same subject its own chain (a leaf never issues a leaf)', async () => {
    const out = await analyze(['leaf-expired.pem', 'leaf-serverauth-only.pem', 'self-signed-leaf.pem']);
    expect(out.chains?.map((c) => c.status).sort()).toEqual(['complete', 'complete', 'untrusted']);
    expect(out.ids).toEqual(['cert.expired', 'cert.noClientAuthEku', 'chain.selfSignedLeaf']);
  });

  it('builds the chain of an intermediate checked on its own, without judging it as a server certificate', async () => {
    const out = await analyze(['intermediate.pem'], { expectName: 'relay.contoso.com' });
    expect(out.chains).toEqual([{ leaf: int, path: [int, root], status: 'complete', trustStore: 'user' }]);
    expect(out.ids).toEqual([]);
  });

  it.each(['chain-ecdsa.pem', 'leaf-rsa-pss.pem'])('verifies the ECDSA and RSA-PSS signatures of %s', async (file) => {
    const out = await analyze([file]);
    expect(out.chains?.[0]?.status).toBe('complete');
    expect(out.chains?.[0]?.path).toHaveLength(3);
    expect(out.ids).toEqual([]);
  });

  it('calls an ECDSA signature made by another key invalid', async () => {
    // The ECDSA leaf presented with the RSA issuing CA of the same hierarchy under a forged name would not
    // link by name; so damage the signature instead: flip a byte inside the ECDSA r value.
    const pem = new TextDecoder().decode(fixture('chain-ecdsa.pem'));
    const [leafPem, caPem] = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)!;
    const der = Buffer.from(leafPem!.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    der[der.length - 10] = (der[der.length - 10] ?? 0) ^ 0x01;
    const { certificateAnalyzer, readCertificateBytes } = await import('../../../../shared/x509/index');
    const leafRead = await readCertificateBytes('leaf.cer', new Uint8Array(der));
    const caRead = await readCertificateBytes('ca.pem', new TextEncoder().encode(caPem));
    if (!leafRead.ok || !caRead.ok) throw new Error('fixture');
    const out = await certificateAnalyzer.analyze(
      [
        { kind: 'certificates', id: 'a', source: 'leaf.cer', origin: 'file', certificates: leafRead.value.certificates },
        { kind: 'certificates', id: 'b', source: 'ca.pem', origin: 'file', certificates: caRead.value.certificates },
      ],
      { now: NOW, trustAnchors: userAnchors('root.pem'), answers: {} },
    );
    expect(out.findings.map((f) => f.id)).toContain('chain.signatureInvalid');
  });

  it('builds no chain and reports nothing for roots given on their own', async () => {
    const out = await analyze(['root.pem', 'legacy-root.pem'], { anchors: MOZILLA });
    expect(out.chains).toEqual([]);
    expect(out.findings).toEqual([]);
    expect(out.certificates).toHaveLength(2);
  });

  it('recognizes a self-signed server certificate marked CA:TRUE as a self-signed leaf', async () => {
    const out = await analyze(['self-signed-leaf-marked-ca.pem'], { anchors: MOZILLA, expectName: 'smtp.fabrikam.com' });
    expect(out.ids).toEqual(['cert.nameMismatch', 'chain.selfSignedLeaf']);
  });
});
