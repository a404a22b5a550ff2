import type { CertificateReport, ChainReport } from '../model/report';
import type { CertificateRecord } from './types';
import type { ChainAnalysis } from './chain/analyze-chains';

const STATUS = { trusted: 'complete', selfSigned: 'untrusted', missingIssuer: 'incomplete' } as const;

function certificateReport(r: CertificateRecord, sources: readonly string[]): CertificateReport {
  return {
    sha1: r.sha1,
    sha256: r.sha256,
    subject: r.subject,
    issuer: r.issuer,
    serial: r.serial,
    notBefore: r.notBefore,
    notAfter: r.notAfter,
    dnsNames: r.dnsNames,
    eku: r.eku,
    isCa: r.isCa,
    selfSigned: r.selfSigned,
    sources,
  };
}

/**
 * The report's `certificates`: every supplied certificate once (with the files that held it), then the
 * store roots that completed a chosen path, whose source is `trust-store:<store>`.
 */
export function certificateReports(analysis: ChainAnalysis): CertificateReport[] {
  const out = analysis.pool.entries.map((e) => certificateReport(e.record, [...e.sources].sort()));
  const seen = new Set(analysis.pool.entries.map((e) => e.record.sha256));
  for (const v of analysis.verdicts) {
    for (const n of v.best.nodes) {
      if (!n.fromStore || seen.has(n.record.sha256)) continue;
      seen.add(n.record.sha256);
      out.push(certificateReport(n.record, [`trust-store:${v.best.store ?? analysis.anchors.primaryStore}`]));
    }
  }
  return out;
}

/** The report's `chains`: one per end entity, with the chosen path and the verdict against its store. */
export function chainReports(analysis: ChainAnalysis): ChainReport[] {
  return analysis.verdicts.map((v) => {
    const last = v.best.nodes[v.best.nodes.length - 1]!.record;
    return {
      leaf: v.leaf.record.sha1,
      path: v.best.nodes.map((n) => n.record.sha1),
      status: STATUS[v.best.end],
      trustStore: v.best.store ?? analysis.anchors.primaryStore,
      ...(v.best.end === 'missingIssuer' ? { missingIssuer: last.issuer, aiaUrls: last.aiaCaIssuers } : {}),
    };
  });
}
