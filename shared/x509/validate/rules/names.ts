import type { GeneralName } from '../../profile/general-names';
import { isValidDnsName, isValidEmail } from '../hostname';
import { isVettedRoot, leafIsServerCertificate, type PathRule, type Violation } from '../path-rule';

/** Why one SAN entry is not a well-formed name of its form; null when it is. */
function sanProblem(n: GeneralName): string | null {
  if (n.kind === 'dns' && !isValidDnsName(n.text, { wildcard: true })) return n.text;
  if (n.kind === 'ip' && n.bytes.length !== 4 && n.bytes.length !== 16) return n.text || 'iPAddress';
  if (n.kind === 'email' && !isValidEmail(n.text, { constraint: false })) return n.text;
  return null;
}

/**
 * RFC 5280 §4.1.2.4 and §4.1.2.6: the issuer is never empty, a CA's subject is never empty, and a certificate
 * with an empty subject names its holder in a SAN. §4.2.1.6: SAN entries are well-formed names of their form (a
 * dNSName in preferred name syntax, an iPAddress of 4 or 16 octets, an rfc822Name with a mailbox), and the SAN
 * holds at least one. The BRs (7.1.2.7.12) require a SAN on every server certificate; Exchange Online matches the
 * connector's name against the CN as well (domain.md §2), so a leaf without one is `high`, not `critical`.
 */
export const namesRule: PathRule = {
  ids: ['cert.issuerEmpty', 'cert.subjectEmpty', 'cert.subjectAltNameMalformed', 'cert.noSubjectAltName'],
  check(p) {
    const out: Violation[] = [];
    p.profiles.forEach((profile, i) => {
      if (isVettedRoot(p, i)) return;
      if (profile.issuerEmpty) out.push({ id: 'cert.issuerEmpty', index: i });
      const san = profile.subjectAltName;
      const isCa = i > 0 || (profile.basicConstraints?.value?.ca ?? false);
      if (profile.subjectEmpty && (isCa || !san)) out.push({ id: 'cert.subjectEmpty', index: i });
      if (san && san.value === null) out.push({ id: 'cert.subjectAltNameMalformed', index: i, params: { problem: 'undecodable', name: '' } });
      const bad = (san?.value ?? []).map(sanProblem).find((x) => x !== null);
      if (bad !== undefined && bad !== null) out.push({ id: 'cert.subjectAltNameMalformed', index: i, params: { problem: 'entry', name: bad } });
      if (i === 0 && !san && !profile.record.selfSigned && p.profiles.length > 1 && leafIsServerCertificate(p)) out.push({ id: 'cert.noSubjectAltName', index: 0 });
    });
    return out;
  },
};
