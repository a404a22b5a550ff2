import type { Analyzer } from '../model/analyzer';
import { evidenceOfKind } from '../model/evidence';
import { analyzeChains } from './chain/analyze-chains';
import { judge } from './judge/index';
import { certificateReports, chainReports } from './report';

/**
 * Judges all certificate evidence as one pool (an admin often drops the leaf and the intermediate as
 * separate files): builds and chooses each end entity's path, then runs the chain and certificate rules.
 */
export const certificateAnalyzer: Analyzer = {
  id: 'x509.certificates',
  async analyze(evidence, context) {
    const certs = evidenceOfKind(evidence, 'certificates');
    if (certs.length === 0) return { findings: [] };
    const analysis = await analyzeChains(certs, context);
    const findings = judge({
      analysis,
      evidence: certs,
      now: context.now,
      ...(context.expectName ? { expectName: context.expectName } : {}),
    });
    return { findings, chains: chainReports(analysis), certificates: certificateReports(analysis) };
  },
};
