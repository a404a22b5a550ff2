import type { GeneralName, GeneralNameKind } from '../../profile/general-names';
import type { GeneralSubtree } from '../../profile/extension-values';
import type { CertificateProfile } from '../../profile/certificate-profile';
import { isValidDnsName } from '../hostname';
import { directoryWithin, dnsWithin, emailWithin, ipWithin, isValidConstraintBase, uriWithin, wildcardMayEnter } from '../constraint-match';
import { issuerIndices, type PathRule, type PathUnderTest, type Violation } from '../path-rule';

/**
 * RFC 5280 §4.2.1.10 and §6.1.3 (b)–(c): the names of every certificate below a CA that carries name
 * constraints (root or intermediate) must lie inside its permitted subtrees of that form and outside its
 * excluded ones. Checking each CA's own constraints against every certificate below it is the same as
 * §6.1.4 (g)'s running intersection and union. Self-issued intermediates are exempt (§6.1.3 (b)); the leaf never is.
 *
 * Where rules differ: RFC 5280 says CAs MUST mark the extension critical, the CA/B Forum BRs (7.1.2.5.2) allow it
 * non-critical, and CryptoAPI enforces it either way. Relay Doctor enforces it either way and does not refuse a
 * non-critical one (limbo's rfc5280::nc::permitted-dns-match-noncritical and webpki::nc::permitted-dns-match-noncritical
 * contradict each other; this follows the BRs and Windows).
 */

/** Comparisons allowed per path: rustls-webpki and Go both stop at 250,000, and so does this. */
export const NAME_CONSTRAINT_BUDGET = 250_000;

const EMAIL_ATTRIBUTE = '1.2.840.113549.1.9.1';
const CN = '2.5.4.3';
const CHECKED: ReadonlySet<GeneralNameKind> = new Set(['dns', 'ip', 'email', 'directory', 'uri']);

/** The names of a certificate that name constraints apply to. */
function constrainedNames(profile: CertificateProfile, isLeaf: boolean): GeneralName[] {
  const san = profile.subjectAltName?.value ?? [];
  const names: GeneralName[] = [...san];
  if (!profile.subjectEmpty) names.push({ kind: 'directory', text: '', bytes: profile.raw.subject });
  for (const a of profile.subjectAttributes) {
    if (a.oid === EMAIL_ATTRIBUTE) names.push({ kind: 'email', text: a.value, bytes: new Uint8Array() });
  }
  // A leaf without SAN dNSNames is matched on its CN (Exchange Online compares the CN too): constrain it alike,
  // as Chrome and rustls-webpki do, or the CN would be a way round the constraint.
  if (isLeaf && !san.some((n) => n.kind === 'dns')) {
    for (const a of profile.subjectAttributes) {
      if (a.oid === CN && isValidDnsName(a.value, { wildcard: true }) && a.value.includes('.')) {
        names.push({ kind: 'dns', text: a.value, bytes: new Uint8Array() });
      }
    }
  }
  return names;
}

function within(name: GeneralName, base: GeneralName): boolean {
  switch (name.kind) {
    case 'dns':
      return dnsWithin(name.text, base.text);
    case 'ip':
      return ipWithin(name.bytes, base.bytes);
    case 'email':
      return emailWithin(name.text, base.text);
    case 'directory':
      return directoryWithin(name.bytes, base.bytes);
    case 'uri':
      return uriWithin(name.text, base.text);
    default:
      return false;
  }
}

const display = (n: GeneralName) => (n.kind === 'directory' ? 'directory name' : n.text);

class Budget {
  left = NAME_CONSTRAINT_BUDGET;
  spend(n: number): boolean {
    this.left -= n;
    return this.left >= 0;
  }
}

/** The first violation of one CA's constraints by one certificate's names, or 'budget' when the work ran out. */
type ByForm = ReadonlyMap<GeneralNameKind, readonly GeneralSubtree[]>;

function byForm(list: readonly GeneralSubtree[] | null): ByForm {
  const out = new Map<GeneralNameKind, GeneralSubtree[]>();
  for (const s of list ?? []) out.set(s.base.kind, [...(out.get(s.base.kind) ?? []), s]);
  return out;
}

function judgeNames(names: readonly GeneralName[], permitted: ByForm, excluded: ByForm,
  budget: Budget): { id: string; name: string; form: string } | 'budget' | null {
  for (const name of names) {
    const allowed = permitted.get(name.kind) ?? [];
    const denied = excluded.get(name.kind) ?? [];
    if (!budget.spend(1 + allowed.length + denied.length)) return 'budget';
    if (!CHECKED.has(name.kind)) {
      // §4.2.1.10: a constrained form the validator cannot process makes the certificate unacceptable.
      if (allowed.length + denied.length > 0) return { id: 'cert.nameNotPermitted', name: name.kind, form: name.kind };
      continue;
    }
    if (denied.some((s) => within(name, s.base) || (name.kind === 'dns' && wildcardMayEnter(name.text, s.base.text)))) {
      return { id: 'cert.nameExcluded', name: display(name), form: name.kind };
    }
    if (allowed.length > 0 && !allowed.some((s) => within(name, s.base))) {
      return { id: 'cert.nameNotPermitted', name: display(name), form: name.kind };
    }
  }
  return null;
}

export const nameConstraintsRule: PathRule = {
  ids: ['cert.nameNotPermitted', 'cert.nameExcluded', 'cert.nameConstraintsInvalid', 'cert.nameConstraintsOnLeaf',
    'chain.nameConstraintsTooComplex'],
  check(p: PathUnderTest): Violation[] {
    const out: Violation[] = [];
    const leaf = p.profiles[0]!;
    if (leaf.nameConstraints && !(leaf.basicConstraints?.value?.ca ?? false)) {
      // §4.2.1.10: "MUST be used only in a CA certificate".
      out.push({ id: 'cert.nameConstraintsOnLeaf', index: 0 });
    }
    const budget = new Budget();
    const namesOf = new Map<number, GeneralName[]>();
    for (const i of issuerIndices(p)) {
      const nc = p.profiles[i]!.nameConstraints?.value;
      if (!nc) continue;
      const bad = [...(nc.permitted ?? []), ...(nc.excluded ?? [])].find((s) => !isValidConstraintBase(s.base));
      if (bad) {
        out.push({ id: 'cert.nameConstraintsInvalid', index: i, params: { constraint: bad.base.text, form: bad.base.kind } });
        continue;
      }
      const permitted = byForm(nc.permitted);
      const excluded = byForm(nc.excluded);
      for (let j = i - 1; j >= 0; j--) {
        if (j > 0 && p.profiles[j]!.selfIssued) continue;
        let names = namesOf.get(j);
        if (!names) namesOf.set(j, (names = constrainedNames(p.profiles[j]!, j === 0)));
        const verdict = judgeNames(names, permitted, excluded, budget);
        if (verdict === 'budget') {
          out.push({ id: 'chain.nameConstraintsTooComplex', index: i, params: { budget: NAME_CONSTRAINT_BUDGET } });
          return out;
        }
        if (verdict) {
          out.push({ id: verdict.id, index: j, params: { name: verdict.name, form: verdict.form,
            constrainedBy: p.profiles[i]!.record.subject, constrainedBySha1: p.profiles[i]!.record.sha1 } });
        }
      }
    }
    return out;
  },
};
