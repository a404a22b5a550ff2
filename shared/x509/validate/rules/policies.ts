import { lastIndex, type PathRule, type PathUnderTest, type Violation } from '../path-rule';

const ANY_POLICY = '2.5.29.32.0';

/** The valid policy set of RFC 5280 §6.1 without its qualifiers: the policy OIDs, and whether anyPolicy is in it. */
interface ValidPolicies {
  readonly ids: ReadonlySet<string>;
  readonly any: boolean;
}

const isEmpty = (v: ValidPolicies) => !v.any && v.ids.size === 0;

/**
 * RFC 5280 §6.1.3 (d)–(f) and §6.1.4 (a)–(j), (o): certificate policies, policy mappings and the
 * requireExplicitPolicy / inhibitPolicyMapping / inhibitAnyPolicy counters, with the valid policy tree kept
 * as a set (qualifiers do not change the outcome) and the user's initial policy set "any". The trust anchor
 * is not processed (§6.1.1). A path fails when an explicit policy is required (explicit_policy reaches 0) and
 * no policy is valid for the whole path. CryptoAPI does the same (CERT_TRUST_INVALID_POLICY_CONSTRAINTS).
 */
export const policiesRule: PathRule = {
  ids: ['chain.policyRequired', 'cert.policyMappingInvalid'],
  check(p: PathUnderTest): Violation[] {
    if (p.path.end !== 'trusted') return [];
    const out: Violation[] = [];
    const top = lastIndex(p) - 1; // the certificate just below the trust anchor
    const n = top + 1;
    let explicit = n + 1;
    let mapping = n + 1;
    let inhibitAny = n + 1;
    let valid: ValidPolicies = { ids: new Set(), any: true };
    let requiredBy = 0;
    for (let i = top; i >= 0; i--) {
      const profile = p.profiles[i]!;
      const isLeaf = i === 0;
      const policies = profile.certificatePolicies?.value;
      if (!policies) valid = { ids: new Set(), any: false };
      else if (!isEmpty(valid)) {
        const own = policies.filter((o) => o !== ANY_POLICY);
        const ownAny = policies.includes(ANY_POLICY) && (inhibitAny > 0 || (!isLeaf && profile.selfIssued));
        const ids = new Set(valid.any ? own : own.filter((o) => valid.ids.has(o)));
        if (ownAny) for (const o of valid.ids) ids.add(o);
        valid = { ids, any: valid.any && ownAny };
      }
      if (!isLeaf) {
        for (const [from, to] of profile.policyMappings?.value ?? []) {
          if (from === ANY_POLICY || to === ANY_POLICY) {
            out.push({ id: 'cert.policyMappingInvalid', index: i });
            continue;
          }
          const ids = new Set(valid.ids);
          if (mapping > 0 && (ids.has(from) || valid.any)) ids.add(to);
          if (mapping === 0 || !valid.any) ids.delete(from);
          valid = { ids, any: valid.any };
        }
        if (!profile.selfIssued) {
          if (explicit > 0) explicit--;
          if (mapping > 0) mapping--;
          if (inhibitAny > 0) inhibitAny--;
        }
        const pc = profile.policyConstraints?.value;
        if (pc?.requireExplicitPolicy !== undefined && pc.requireExplicitPolicy < explicit) {
          explicit = pc.requireExplicitPolicy;
          requiredBy = i;
        }
        if (pc?.inhibitPolicyMapping !== undefined) mapping = Math.min(mapping, pc.inhibitPolicyMapping);
        const skip = profile.inhibitAnyPolicy?.value;
        if (typeof skip === 'number') inhibitAny = Math.min(inhibitAny, skip);
      } else {
        if (explicit > 0 && !profile.selfIssued) explicit--;
        if (profile.policyConstraints?.value?.requireExplicitPolicy === 0) {
          explicit = 0;
          requiredBy = 0;
        }
      }
    }
    if (explicit === 0 && isEmpty(valid)) out.push({ id: 'chain.policyRequired', index: requiredBy });
    return out;
  },
};
