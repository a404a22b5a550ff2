import type { EvidenceRef, Finding } from '../../model/finding';
import type { CertificateEvidence, CertificateRecord } from '../types';
import type { ChainAnalysis, ChainVerdict } from '../chain/analyze-chains';
import type { CandidatePath } from '../chain/paths';

/** What every chain and certificate rule sees. Time and the expected name are arguments, never globals. */
export interface JudgeContext {
  readonly analysis: ChainAnalysis;
  readonly evidence: readonly CertificateEvidence[];
  readonly now: Date;
  readonly expectName?: string;
}

/** A rule turns the chain analysis into findings of one id (findings.md). */
export interface JudgeRule {
  readonly id: string;
  judge(ctx: JudgeContext): Finding[];
}

export type Position = 'leaf' | 'intermediate' | 'root';

/** The role of the certificate at `index` of a path: the first is the leaf, a self-signed last one the root. */
export function positionOf(path: CandidatePath, index: number): Position {
  if (index === 0) return 'leaf';
  const node = path.nodes[index]!;
  return index === path.nodes.length - 1 && node.record.selfSigned ? 'root' : 'intermediate';
}

/** Evidence references of a certificate: the files it came from, then `cert:<SHA1>`. */
export function refsOf(ctx: JudgeContext, record: CertificateRecord): EvidenceRef[] {
  const sources = ctx.analysis.pool.bySha256.get(record.sha256)?.sources ?? [];
  return [...sources, `cert:${record.sha1}`];
}

/** The store a verdict was judged against (the anchor's store, else the caller's primary store). */
export function storeOf(ctx: JudgeContext, verdict: ChainVerdict): string {
  return verdict.best.store ?? ctx.analysis.anchors.primaryStore;
}

/** Each certificate of every chosen path once, with its position (first seen wins). */
export function pathCertificates(ctx: JudgeContext): Array<{ record: CertificateRecord; position: Position; fromStore: boolean }> {
  const seen = new Set<string>();
  const out: Array<{ record: CertificateRecord; position: Position; fromStore: boolean }> = [];
  for (const v of ctx.analysis.verdicts) {
    v.best.nodes.forEach((node, i) => {
      if (seen.has(node.record.sha256)) return;
      seen.add(node.record.sha256);
      out.push({ record: node.record, position: positionOf(v.best, i), fromStore: node.fromStore });
    });
  }
  return out;
}

export function finding(
  id: string,
  severity: Finding['severity'],
  params: Finding['params'],
  evidence: readonly EvidenceRef[],
  confidence: Finding['confidence'] = 'certain',
): Finding {
  return { id, severity, confidence, params, evidence: [...new Set(evidence)] };
}
