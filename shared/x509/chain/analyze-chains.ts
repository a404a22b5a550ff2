import type { TrustAnchor } from '../../model/analyzer';
import type { CertificateEvidence } from '../types';
import { indexAnchors, type AnchorIndex } from './anchors';
import { choosePath, type ChosenPath } from './choose';
import { buildPaths } from './paths';
import { buildPool, endEntities, type CertificatePool, type PoolEntry } from './pool';
import type { CandidatePath } from './paths';
import { validatePath, type PathValidationOptions, type Violation } from '../validate/index';

/** The chosen path of one end entity, the candidates it beat, and the path validation rules the chosen one breaks. */
export interface ChainVerdict extends ChosenPath {
  readonly leaf: PoolEntry;
  readonly violations: readonly Violation[];
}

export interface ChainAnalysis {
  readonly pool: CertificatePool;
  readonly anchors: AnchorIndex;
  readonly verdicts: readonly ChainVerdict[];
  /** SHA-256 of every supplied certificate that lies on some candidate path of some end entity. */
  readonly onAnyPath: ReadonlySet<string>;
}

const LEAVES_AT_ONCE = 32;

/**
 * Pools all supplied certificates, finds the end entities and builds every candidate path for each,
 * against the given anchors at the given time. The result does not depend on the order of the inputs.
 */
export async function analyzeChains(
  evidence: readonly CertificateEvidence[],
  context: { readonly now: Date; readonly trustAnchors: readonly TrustAnchor[] } & PathValidationOptions,
): Promise<ChainAnalysis> {
  const pool = buildPool(evidence);
  const anchors = indexAnchors(context.trustAnchors);
  const verdicts: ChainVerdict[] = [];
  const onAnyPath = new Set<string>();
  const leaves = endEntities(pool);
  // Leaves are built a batch at a time: WebCrypto verifies off the main thread, so a set of thousands of
  // certificates keeps every core busy instead of waiting for one signature after another.
  for (let start = 0; start < leaves.length; start += LEAVES_AT_ONCE) {
    const batch = leaves.slice(start, start + LEAVES_AT_ONCE);
    const built = await Promise.all(batch.map((leaf) => buildPaths(leaf.record, pool, anchors)));
    batch.forEach((leaf, k) => {
      const paths = built[k]!;
      for (const p of paths) for (const n of p.nodes) if (!n.fromStore) onAnyPath.add(n.record.sha256);
      const judged = new Map<CandidatePath, Violation[]>(paths.map((p) => [p, validatePath(p, context)]));
      const chosen = choosePath(paths, context.now, (p) => judged.get(p)?.length ?? 0);
      verdicts.push({ leaf, ...chosen, violations: judged.get(chosen.best) ?? [] });
    });
  }
  return { pool, anchors, verdicts, onAnyPath };
}
