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
