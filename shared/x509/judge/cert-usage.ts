import type { Finding } from '../../model/finding';
import { EKU, EKU_NAMES } from '../oids';
import { connectorNameMatch } from '../name-match';
import type { JudgeRule } from './rule';
import { finding, refsOf } from './rule';

/**
 * The connector's TlsSenderCertificateName must match the leaf's CN or a SAN by Exchange Online's rules
 * (name-match.ts). Judged only when the name is known (admin's answer, --expect-name or settings).
 */
export const nameMismatch: JudgeRule = {
  id: 'cert.nameMismatch',
  judge: (ctx) => {
    const expected = ctx.expectName;
    if (!expected) return [];
    const out: Finding[] = [];
    for (const v of ctx.analysis.verdicts) {
      const leaf = v.leaf.record;
      // Only a real end entity is presented by the server (not a CA file checked on its own).
      if (leaf.isCa && !leaf.selfSigned) continue;
      const match = connectorNameMatch(leaf, expected);
      if (match.matches) continue;
      out.push(
        finding('cert.nameMismatch', 'critical',
          { expected, names: [...new Set([...leaf.commonNames, ...leaf.dnsNames])], invalidName: match.invalidName,
            subject: leaf.subject, sha1: leaf.sha1 },
          refsOf(ctx, leaf)),
      );
    }
    return out;
  },
};

/**
 * The leaf restricts its usage (EKU present) and Client Authentication is not among them. Windows may then
 * send no client certificate at all (domain.md §10): unconfirmed for Exchange, hence confidence `possible`.
 */
export const noClientAuthEku: JudgeRule = {
  id: 'cert.noClientAuthEku',
  judge: (ctx) =>
    ctx.analysis.verdicts
      .filter((v) => {
        const eku = v.leaf.record.eku;
        return !(v.leaf.record.isCa && !v.leaf.record.selfSigned) && eku !== null && !eku.includes(EKU.clientAuth) && !eku.includes(EKU.any);
      })
      .map((v) =>
        finding('cert.noClientAuthEku', 'medium',
          { subject: v.leaf.record.subject, sha1: v.leaf.record.sha1,
            eku: (v.leaf.record.eku ?? []).map((o) => EKU_NAMES[o] ?? o) },
          refsOf(ctx, v.leaf.record), 'possible'),
      ),
};
