import { describe, expect, it } from 'vitest';
import { connectorNameMatch } from '../../../../../shared/x509/name-match';
import { ext, gn, intermediate, leaf, makeCertificate, root } from './cert-factory';
import { cn } from './der-builder';
import { judgeChain } from './judge-chain';

describe('choosing among candidate paths, and the expected name', () => {
  it('prefers the cross-signed path that validates over one that breaks a rule', async () => {
    const r = root('Good root');
    const bad = root('Constrained root', [ext.nameConstraints([gn.dns('fabrikam.com')])]);
    // The same CA (same name and key) certified by both roots.
    const viaGood = intermediate(r, 'Contoso CA');
    const viaBad = makeCertificate({ subject: viaGood.subject, issuer: bad, key: viaGood.key,
      extensions: [ext.basicConstraints(true), ext.keyUsage(['keyCertSign'])] });
    const out = await judgeChain([leaf(viaGood, 'relay.contoso.com'), viaGood, viaBad], [r, bad]);
    expect(out.path).toEqual([]);
    expect(out.findings.filter((f) => f.id === 'chain.alternativePath').map((f) => f.params['reason'])).toContain('ruleViolations');
  });

  it('matches an expected IP address against SAN iPAddress entries, in any spelling', () => {
    const cert = { commonNames: ['relay.contoso.com'], dnsNames: [], ipAddresses: ['192.0.2.1', '0000:0000:0000:0000:0000:0000:0000:0001'] };
    expect(connectorNameMatch(cert, '192.0.2.1').matches).toBe(true);
    expect(connectorNameMatch(cert, '::1').matches).toBe(true);
    expect(connectorNameMatch(cert, '192.0.2.2').matches).toBe(false);
  });

  it('never lets a certificate wildcard cover a whole top-level domain', () => {
    expect(connectorNameMatch({ commonNames: [], dnsNames: ['*.com'] }, 'contoso.com').matches).toBe(false);
    expect(connectorNameMatch({ commonNames: [], dnsNames: ['*.contoso.com'] }, 'relay.contoso.com').matches).toBe(true);
  });

  it('reports the leaf’s own SAN-less CN match as before (Exchange Online compares the CN)', async () => {
    const r = root();
    const cnOnly = makeCertificate({ subject: cn('relay.contoso.com'), issuer: r, extensions: [] });
    const out = await judgeChain([cnOnly], [r], { expectName: 'relay.contoso.com' });
    expect(out.findings.map((f) => f.id)).not.toContain('cert.nameMismatch');
  });
});
