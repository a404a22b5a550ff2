import type { Evidence } from './evidence';
import type { Finding } from './finding';
import type { ChainReport, CertificateReport } from './report';
import type { Answers } from './answers';

/** A trust anchor: a root the chosen store trusts. */
export interface TrustAnchor {
  readonly derBase64: string;
  readonly store: 'mozilla' | 'system' | 'user';
}

/** Everything ambient is an argument (architecture.md): time, anchors, the admin's answers. */
export interface AnalysisContext {
  readonly now: Date;
  readonly trustAnchors: readonly TrustAnchor[];
  /** The connector's TlsSenderCertificateName when the admin or the evidence gives it. */
  readonly expectName?: string;
  readonly answers: Answers;
  /** The most intermediates a path may hold (`--max-chain-depth`): a policy of the caller, none by default. */
  readonly maxIntermediates?: number;
}

export interface AnalyzerOutput {
  readonly findings: readonly Finding[];
  readonly chains?: readonly ChainReport[];
  readonly certificates?: readonly CertificateReport[];
}

/**
 * An analyzer looks at all evidence of the kinds it knows (certificates are judged as one pool, because an
 * admin often drops the leaf and the intermediate as separate files) and returns findings.
 */
export interface Analyzer {
  readonly id: string;
  analyze(evidence: readonly Evidence[], context: AnalysisContext): Promise<AnalyzerOutput>;
}
