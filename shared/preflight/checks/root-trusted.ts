import type { PreflightCheck } from '../types';
import { result } from '../context';

/**
 * The root is one Exchange Online trusts (Microsoft Trusted Root Program, domain.md §2). Offline, the nearest
 * stand-in is Mozilla's root list that ships with Relay Doctor; a root passed with --trust is the admin's
 * word, and the result says which of the two it was.
 */
export const rootTrusted: PreflightCheck = {
  id: 'preflight.rootTrusted',
  run({ analysis, leaf, path, analysis: { certificates } }) {
    const id = this.id;
    const chain = analysis.chains.find((c) => c.leaf === leaf.sha1);
    if (!chain) return result(id, 'unknown', 'noChain', {}, [`cert:${leaf.sha1}`]);
    const lastSha1 = chain.path[chain.path.length - 1] ?? leaf.sha1;
    const root = path.find((c) => c.sha1 === lastSha1)?.subject ?? certificates.find((c) => c.sha1 === lastSha1)?.subject ?? '';
    const ref = [`cert:${lastSha1}`];
    if (chain.status === 'incomplete') return result(id, 'unknown', 'issuerMissing', { missing: chain.missingIssuer ?? '' }, ref);
    if (chain.status === 'untrusted') return result(id, 'fail', 'untrusted', { root }, ref);
    if (chain.trustStore === 'mozilla') return result(id, 'pass', 'mozilla', { root }, ref);
    if (chain.trustStore === 'user') return result(id, 'pass', 'givenTrust', { root }, ref);
    return result(id, 'pass', 'system', { root }, ref);
  },
};
