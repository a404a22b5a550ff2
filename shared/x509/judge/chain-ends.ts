import type { JudgeRule } from './rule';
import { finding, refsOf, storeOf } from './rule';

/**
 * KB 3212877's core: the chosen path stops at a certificate whose issuer is neither supplied nor in the
 * trust store. Exchange Online does not download it (domain.md §2), so the sender must send it. The AIA
 * caIssuers URLs of the last certificate say where to get it.
 */
export const missingIntermediate: JudgeRule = {
  id: 'chain.missingIntermediate',
  judge: (ctx) =>
    ctx.analysis.verdicts
      .filter((v) => v.best.end === 'missingIssuer')
      .map((v) => {
        const last = v.best.nodes[v.best.nodes.length - 1]!.record;
        return finding(
          'chain.missingIntermediate',
          'critical',
          {
            leaf: v.leaf.record.subject,
            leafSha1: v.leaf.record.sha1,
            lastSubject: last.subject,
            lastSha1: last.sha1,
            missingIssuer: last.issuer,
            aiaUrls: last.aiaCaIssuers,
            aiaCount: last.aiaCaIssuers.length,
            store: storeOf(ctx, v),
          },
          [...refsOf(ctx, v.leaf.record), ...refsOf(ctx, last)],
        );
      }),
};

/** The path ends in a self-signed CA the chosen store does not contain (a private or distrusted root). */
export const untrustedRoot: JudgeRule = {
  id: 'chain.untrustedRoot',
  judge: (ctx) =>
    ctx.analysis.verdicts
      .filter((v) => v.best.end === 'selfSigned' && v.best.nodes.length > 1)
      .map((v) => {
        const root = v.best.nodes[v.best.nodes.length - 1]!.record;
        return finding(
          'chain.untrustedRoot',
          'critical',
          { leaf: v.leaf.record.subject, root: root.subject, rootSha1: root.sha1, store: storeOf(ctx, v) },
          [...refsOf(ctx, v.leaf.record), ...refsOf(ctx, root)],
        );
      }),
};

/** Exchange Online requires a CA-issued certificate; a self-signed one is never accepted (domain.md §2). */
export const selfSignedLeaf: JudgeRule = {
  id: 'chain.selfSignedLeaf',
  judge: (ctx) =>
    ctx.analysis.verdicts
      .filter((v) => v.leaf.record.selfSigned)
      .map((v) =>
        finding('chain.selfSignedLeaf', 'critical', { subject: v.leaf.record.subject, sha1: v.leaf.record.sha1 },
          refsOf(ctx, v.leaf.record)),
      ),
};

/** Harmless but unneeded: the root was supplied although the receiver must already trust it. */
export const rootIncluded: JudgeRule = {
  id: 'chain.rootIncluded',
  judge: (ctx) => {
    const seen = new Set<string>();
    const out = [];
    for (const v of ctx.analysis.verdicts) {
      const last = v.best.nodes[v.best.nodes.length - 1]!;
      if (v.best.nodes.length < 2 || last.fromStore || !last.record.selfSigned || seen.has(last.record.sha256)) continue;
      seen.add(last.record.sha256);
      out.push(finding('chain.rootIncluded', 'info', { root: last.record.subject, sha1: last.record.sha1 },
        refsOf(ctx, last.record)));
    }
    return out;
  },
};
