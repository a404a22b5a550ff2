import { describe, expect, it } from 'vitest';
import { ext, gn, intermediate, leaf, makeCertificate, root } from './cert-factory';
import { CN, O, cn, name } from './der-builder';
import { judgeChain } from './judge-chain';
import { NAME_CONSTRAINT_BUDGET } from '../../../../../shared/x509/validate/rules/name-constraints';

describe('name constraints (RFC 5280 §4.2.1.10, §6.1.3 (b)–(c))', () => {
  it('accepts a DNS name inside the permitted subtree and refuses one outside', async () => {
    const r = root('Constrained root', [ext.nameConstraints([gn.dns('contoso.com')])]);
    expect((await judgeChain([leaf(r, 'relay.contoso.com')], [r])).path).toEqual([]);
    const out = await judgeChain([leaf(r, 'relay.fabrikam.com')], [r]);
    expect(out.path).toContain('cert.nameNotPermitted@leaf');
    expect(out.findings.find((f) => f.id === 'cert.nameNotPermitted')?.params).toMatchObject({ name: 'relay.fabrikam.com', constrainedBy: 'CN=Constrained root' });
  });

  it('does not let "contoso.com" permit "evilcontoso.com"', async () => {
    const r = root('Constrained root', [ext.nameConstraints([gn.dns('contoso.com')])]);
    expect((await judgeChain([leaf(r, 'evilcontoso.com')], [r])).path).toContain('cert.nameNotPermitted@leaf');
  });

  it('refuses a name in an excluded subtree, on an intermediate as well as on the root', async () => {
    const r = root();
    const i = intermediate(r, 'Excluding CA', [ext.nameConstraints(null, [gn.dns('secret.contoso.com')])]);
    expect((await judgeChain([leaf(i, 'a.secret.contoso.com'), i], [r])).path).toContain('cert.nameExcluded@leaf');
    expect((await judgeChain([leaf(i, 'relay.contoso.com'), i], [r])).path).toEqual([]);
  });

  it('keeps the root’s constraint when an intermediate widens it', async () => {
    const r = root('Narrow root', [ext.nameConstraints([gn.dns('a.contoso.com')])]);
    const i = intermediate(r, 'Wide CA', [ext.nameConstraints([gn.dns('contoso.com')])]);
    expect((await judgeChain([leaf(i, 'b.contoso.com'), i], [r])).path).toContain('cert.nameNotPermitted@leaf');
  });

  it('judges intermediates’ own names against the root’s constraints', async () => {
    const r = root('Root', [ext.nameConstraints([gn.dns('contoso.com')])]);
    const i = intermediate(r, 'CA', [ext.subjectAltName([gn.dns('fabrikam.com')])]);
    expect((await judgeChain([leaf(i, 'relay.contoso.com'), i], [r])).path).toContain('cert.nameNotPermitted@intermediate');
  });

  it('applies IP address ranges and refuses a non-contiguous mask', async () => {
    const r = root('IP root', [ext.nameConstraints([gn.ip(192, 0, 2, 0, 255, 255, 255, 0)])]);
    const inside = leaf(r, 'relay.contoso.com', [], { extensions: [ext.subjectAltName([gn.ip(192, 0, 2, 7)])] });
    const outside = leaf(r, 'relay.contoso.com', [], { extensions: [ext.subjectAltName([gn.ip(198, 51, 100, 7)])] });
    expect((await judgeChain([inside], [r])).path).not.toContain('cert.nameNotPermitted@leaf');
    expect((await judgeChain([outside], [r])).path).toContain('cert.nameNotPermitted@leaf');
    const badMask = root('Bad mask', [ext.nameConstraints([gn.ip(192, 0, 2, 0, 255, 0, 255, 0)])]);
    expect((await judgeChain([leaf(badMask)], [badMask])).path).toContain('cert.nameConstraintsInvalid@root');
  });

  it('applies directory-name constraints to the subject and email constraints to rfc822 names', async () => {
    const r = root('DN root', [ext.nameConstraints([gn.directory(name([O, 'Contoso']))], [gn.email('mallory@contoso.com')])]);
    const ok = makeCertificate({ subject: name([O, 'Contoso'], [CN, 'relay.contoso.com']), issuer: r,
      extensions: [ext.subjectAltName([gn.dns('relay.contoso.com')])] });
    const wrongOrg = makeCertificate({ subject: name([O, 'Fabrikam'], [CN, 'relay.contoso.com']), issuer: r,
      extensions: [ext.subjectAltName([gn.dns('relay.contoso.com')])] });
    const mallory = makeCertificate({ subject: name([O, 'Contoso'], [CN, 'relay.contoso.com']), issuer: r,
      extensions: [ext.subjectAltName([gn.dns('relay.contoso.com'), gn.email('mallory@contoso.com')])] });
    expect((await judgeChain([ok], [r])).path).toEqual([]);
    expect((await judgeChain([wrongOrg], [r])).path).toContain('cert.nameNotPermitted@leaf');
    expect((await judgeChain([mallory], [r])).path).toContain('cert.nameExcluded@leaf');
  });

  it('constrains the CN of a leaf that has no DNS SAN (it is the name Exchange Online compares)', async () => {
    const r = root('Root', [ext.nameConstraints([gn.dns('contoso.com')])]);
    const cnOnly = makeCertificate({ subject: cn('relay.fabrikam.com'), issuer: r, extensions: [] });
    expect((await judgeChain([cnOnly], [r])).path).toContain('cert.nameNotPermitted@leaf');
  });

  it('exempts self-issued intermediates but never the leaf', async () => {
    const r = root('Root', [ext.nameConstraints([gn.dns('contoso.com')])]);
    const i = intermediate(r, 'fabrikam.com', [ext.subjectAltName([gn.dns('fabrikam.com')])]);
    const selfIssuedLeaf = makeCertificate({ subject: i.subject, issuer: i, extensions: [ext.subjectAltName([gn.dns('fabrikam.com')])] });
    expect((await judgeChain([selfIssuedLeaf, i], [r])).path).toContain('cert.nameNotPermitted@leaf');
  });

  it('refuses a wildcard constraint, name constraints on a leaf, and an empty NameConstraints', async () => {
    const wild = root('Wild', [ext.nameConstraints([gn.dns('*.contoso.com')])]);
    expect((await judgeChain([leaf(wild)], [wild])).path).toContain('cert.nameConstraintsInvalid@root');
    const r = root();
    const constrainedLeaf = leaf(r, 'relay.contoso.com', [ext.nameConstraints([gn.dns('contoso.com')])]);
    expect((await judgeChain([constrainedLeaf], [r])).path).toContain('cert.nameConstraintsOnLeaf@leaf');
    const empty = intermediate(r, 'Empty NC', [ext.nameConstraints(null, null)]);
    expect((await judgeChain([leaf(empty), empty], [r])).path).toContain('cert.extensionMalformed@intermediate');
  });

  it('stops at its work budget on a name-constraint explosion instead of running away', async () => {
    const count = 600; // 600 names × 600 subtrees > the budget
    expect(count * count).toBeGreaterThan(NAME_CONSTRAINT_BUDGET);
    const subtrees = Array.from({ length: count }, (_, k) => gn.dns(`n${k}.contoso.com`));
    const r = root('Explosive root', [ext.nameConstraints(null, subtrees)]);
    const names = Array.from({ length: count }, (_, k) => gn.dns(`h${k}.fabrikam.com`));
    const l = leaf(r, 'h0.fabrikam.com', [], { extensions: [ext.subjectAltName(names)] });
    const out = await judgeChain([l], [r]);
    expect(out.path).toContain('chain.nameConstraintsTooComplex@root');
    expect(out.critical).toContain('chain.nameConstraintsTooComplex');
  });
});
