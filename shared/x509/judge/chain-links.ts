import type { Finding } from '../../model/finding';
import type { JudgeRule } from './rule';
import { finding, refsOf } from './rule';

/**
 * A certificate whose names point to an issuer whose key did not sign it (damaged, tampered, or a
 * different CA with the same name). Reported for the chosen path only: alternatives are explained apart.
 */
export const signatureInvalid: JudgeRule = {
  id: 'chain.signatureInvalid',
  judge: (ctx) => {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const v of ctx.analysis.verdicts) {
      v.best.links.forEach((status, i) => {
        const child = v.best.nodes[i]!.record;
        const issuer = v.best.nodes[i + 1]!.record;
        const key = `${child.sha256}>${issuer.sha256}`;
        if (status !== 'invalid' || seen.has(key)) return;
        seen.add(key);
        out.push(
          finding('chain.signatureInvalid', 'critical',
            { subject: child.subject, sha1: child.sha1, issuer: issuer.subject, issuerSha1: issuer.sha1 },
            [...refsOf(ctx, child), ...refsOf(ctx, issuer)]),
        );
      });
    }
    return out;
  },
};

/**
 * A supplied certificate on no candidate path of any end entity (another server's certificate, an old
 * CA): it is not needed, and sending it only confuses.
 */
export const unrelatedCertificate: JudgeRule = {
  id: 'chain.unrelatedCertificate',
  judge: (ctx) => {
    // Without any end entity (a dropped root store) nothing is "unrelated": there is no chain to relate to.
    if (ctx.analysis.verdicts.length === 0) return [];
    const leaves = new Set(ctx.analysis.verdicts.map((v) => v.leaf.record.sha256));
    return ctx.analysis.pool.entries
      .filter((e) => !leaves.has(e.record.sha256) && !ctx.analysis.onAnyPath.has(e.record.sha256))
      .map((e) => finding('chain.unrelatedCertificate', 'low', { subject: e.record.subject, sha1: e.record.sha1 },
        refsOf(ctx, e.record)));
  },
};

/** Other candidate paths (cross-signed or renewed CAs, duplicates) and why the chosen one beat them. */
export const alternativePath: JudgeRule = {
  id: 'chain.alternativePath',
  judge: (ctx) =>
    ctx.analysis.verdicts.flatMap((v) =>
      v.alternatives.map((alt) =>
        finding('chain.alternativePath', 'info',
          {
            leaf: v.leaf.record.subject,
            path: alt.path.nodes.map((n) => n.record.subject),
            pathSha1: alt.path.nodes.map((n) => n.record.sha1),
            end: alt.path.end,
            reason: alt.reason,
          },
          alt.path.nodes.filter((n) => !n.fromStore).flatMap((n) => refsOf(ctx, n.record))),
      ),
    ),
};
