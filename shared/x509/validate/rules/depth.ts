import { lastIndex, type PathRule } from '../path-rule';

/**
 * A maximum number of intermediates, when the caller sets one (x509-limbo's max_chain_depth; OpenSSL's
 * -verify_depth). Self-issued intermediates (a CA re-certifying itself) are one logical CA and count once.
 */
export const depthRule: PathRule = {
  ids: ['chain.tooManyIntermediates'],
  check(p) {
    if (p.maxIntermediates === undefined) return [];
    const logical = new Set<string>();
    for (let i = 1; i <= lastIndex(p); i++) {
      const isRootEnd = i === lastIndex(p) && p.path.end !== 'missingIssuer' && p.profiles[i]!.selfIssued;
      if (!isRootEnd) logical.add(p.profiles[i]!.record.subjectKey);
    }
    return logical.size > p.maxIntermediates
      ? [{ id: 'chain.tooManyIntermediates', index: 0, params: { count: logical.size, limit: p.maxIntermediates } }]
      : [];
  },
};
