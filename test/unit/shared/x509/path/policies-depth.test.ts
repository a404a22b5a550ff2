import { describe, expect, it } from 'vitest';
import { analyzeChains } from '../../../../../shared/x509/chain/analyze-chains';
import { ext, intermediate, leaf, root } from './cert-factory';
import { AT, judgeChain } from './judge-chain';

const POLICY_A = '1.3.6.1.4.1.55555.10.1';
const POLICY_B = '1.3.6.1.4.1.55555.10.2';
const DV = '2.23.140.1.2.1';

describe('certificate policies and the maximum depth', () => {
  it('refuses a chain whose CA requires an explicit policy that the leaf does not carry', async () => {
    const r = root();
    const i = intermediate(r, 'Policy CA', [ext.certificatePolicies([POLICY_A]), ext.policyConstraints(0)]);
    const wrong = leaf(i, 'relay.contoso.com', [ext.certificatePolicies([POLICY_B])]);
    expect((await judgeChain([wrong, i], [r])).path).toContain('chain.policyRequired@intermediate');
    const right = leaf(i, 'relay.contoso.com', [ext.certificatePolicies([POLICY_A])]);
    expect((await judgeChain([right, i], [r])).path).toEqual([]);
  });

  it('does not require any policy when no CA asks for one', async () => {
    const r = root();
    const i = intermediate(r, 'CA', [ext.certificatePolicies([DV])]);
    expect((await judgeChain([leaf(i), i], [r])).path).toEqual([]);
  });

  it('counts requireExplicitPolicy in certificates below the CA that sets it', async () => {
    const r = root();
    const top = intermediate(r, 'Top', [ext.policyConstraints(1)]);
    const mid = intermediate(top, 'Mid');
    expect((await judgeChain([leaf(mid), mid, top], [r])).path).toContain('chain.policyRequired@intermediate');
  });

  it('limits the number of intermediates when a maximum is given, counting a self-issued CA once', async () => {
    const r = root();
    const i = intermediate(r);
    const evidence = [{ kind: 'certificates' as const, id: 'c', source: 'c', origin: 'file' as const, certificates: [leaf(i).record, i.record] }];
    const anchors = [{ derBase64: r.record.derBase64, store: 'user' as const }];
    const none = await analyzeChains(evidence, { now: AT, trustAnchors: anchors, maxIntermediates: 0 });
    expect(none.verdicts[0]!.violations.map((v) => v.id)).toContain('chain.tooManyIntermediates');
    const one = await analyzeChains(evidence, { now: AT, trustAnchors: anchors, maxIntermediates: 1 });
    expect(one.verdicts[0]!.violations).toEqual([]);
  });
});

describe('validity at the granularity of the certificate (whole seconds)', () => {
  it('treats notAfter as inclusive to the second and notBefore as the first valid second', async () => {
    const r = root();
    const l = leaf(r, 'relay.contoso.com', [], { notBefore: new Date('2026-03-01T00:00:01Z'), notAfter: new Date('2026-04-01T00:00:00Z') });
    const ids = async (at: string) => (await judgeChain([l], [r], { at: new Date(at) })).critical;
    expect(await ids('2026-04-01T00:00:00.005Z')).not.toContain('cert.expired');
    expect(await ids('2026-04-01T00:00:01Z')).toContain('cert.expired');
    expect(await ids('2026-03-01T00:00:00.999Z')).toContain('cert.notYetValid');
    expect(await ids('2026-03-01T00:00:01Z')).not.toContain('cert.notYetValid');
  });

  it('wants policyConstraints marked critical (RFC 5280 §4.2.1.11)', async () => {
    const r = root();
    const soft = { ...ext.policyConstraints(3), critical: false };
    const i = intermediate(r, 'Soft PC', [soft]);
    expect((await judgeChain([leaf(i), i], [r])).path).toContain('cert.extensionCriticality@intermediate');
  });
});
