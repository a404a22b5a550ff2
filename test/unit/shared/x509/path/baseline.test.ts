import { describe, expect, it } from 'vitest';
import { intermediate, leaf, root } from './cert-factory';
import { judgeChain } from './judge-chain';

describe('path validation baseline', () => {
  it('finds nothing wrong with a well-formed root → intermediate → leaf chain', async () => {
    const r = root();
    const i = intermediate(r);
    const out = await judgeChain([leaf(i), i], [r], { expectName: 'relay.contoso.com' });
    expect(out.path).toEqual([]);
    expect(out.critical).toEqual([]);
  });
});
