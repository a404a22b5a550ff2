import type { CertificateRecord } from '../../x509/types';
import type { PreflightCheck } from '../types';
import { result } from '../context';

/**
 * The chain can be sent (KB 3212877, domain.md §2 "Full chain supplied by the sender": Exchange Online never
 * fetches intermediates). Schannel sends the intermediates the server has in LocalMachine\CA; the new file
 * either holds them (import them with it) or the admin must import them: named, with the AIA URL they come
 * from. An intermediate the current certificate already chains through is probably on the server (warn).
 */
export const chainSendable: PreflightCheck = {
  id: 'preflight.chainSendable',
  run({ analysis, file, leaf, path, currentLeaves }) {
    const id = this.id;
    const chain = analysis.chains.find((c) => c.leaf === leaf.sha1);
    const inFile = new Set(file.certificates.map((c) => c.sha1));
    if (leaf.selfSigned) return result(id, 'fail', 'selfSigned', { subject: leaf.subject }, [`cert:${leaf.sha1}`]);
    // Intermediates: every CA of the path but a self-signed root (a trust anchor is not sent).
    const intermediates = path.slice(1).filter((c) => !c.selfSigned);
    const missingFromFile: Array<{ cert: CertificateRecord; url: readonly string[] }> = [];
    path.forEach((c, i) => {
      if (i > 0 && !c.selfSigned && !inFile.has(c.sha1)) missingFromFile.push({ cert: c, url: path[i - 1]?.aiaCaIssuers ?? [] });
    });
    if (chain?.status === 'incomplete') {
      const last = path[path.length - 1] ?? leaf;
      const missing = chain.missingIssuer ?? last.issuer;
      const urls = chain.aiaUrls ?? last.aiaCaIssuers;
      return result(
        id,
        'fail',
        'issuerMissing',
        { missing, aiaUrls: urls, toImport: [...missingFromFile.map((m) => m.cert.subject), missing] },
        [`cert:${last.sha1}`, file.source],
      );
    }
    if (missingFromFile.length === 0) {
      return result(id, 'pass', intermediates.length === 0 ? 'noIntermediate' : 'inFile', { intermediates: intermediates.map((c) => c.subject) }, [file.source, ...intermediates.map((c) => `cert:${c.sha1}`)]);
    }
    const currentPaths = new Set(
      currentLeaves.flatMap((l) => analysis.chains.find((c) => c.leaf === l.sha1)?.path ?? []),
    );
    const names = missingFromFile.map((m) => m.cert.subject);
    const urls = [...new Set(missingFromFile.flatMap((m) => m.url))];
    const refs = [file.source, ...missingFromFile.map((m) => `cert:${m.cert.sha1}`)];
    if (missingFromFile.every((m) => currentPaths.has(m.cert.sha1))) return result(id, 'warn', 'sharedWithCurrent', { toImport: names, aiaUrls: urls }, refs);
    return result(id, 'fail', 'notInFile', { toImport: names, aiaUrls: urls }, refs);
  },
};
