import { evidenceOfKind, type Evidence } from '../../model/evidence';
import type { Finding } from '../../model/finding';
import type { ChainReport } from '../../model/report';
import type { CertificateRecord } from '../../x509/types';
import type { CaseFocus } from './focus';

/**
 * What the server sends vs what the admin has (domain.md §11.3). A file holds what the admin exported; only a
 * probe capture (and, indirectly, the sending side's events and logs) shows what goes over the wire. The chains
 * the certificate analyzer built from every file together are judged a second time, as sent.
 */
export interface WireChain {
  /** `probe:<host>:<port>`: the capture's source. */
  readonly source: string;
  readonly host: string;
  readonly leaf: CertificateRecord;
  /** SHA-1s the server sent, in order. */
  readonly sent: readonly string[];
  /** Intermediates of the path that the server did not send (the subject is the SHA-1 when no record has it). */
  readonly notSent: readonly PathCertificate[];
  /** Of those, the ones the admin also supplied as files: the KB 3212877 state exactly. */
  readonly suppliedToo: readonly PathCertificate[];
  /** True when even the pool could not complete the path (the issuer is nowhere). */
  readonly issuerUnknown: boolean;
}

export interface PathCertificate {
  readonly sha1: string;
  readonly subject: string;
}

export function wireChains(evidence: readonly Evidence[], chains: readonly ChainReport[]): WireChain[] {
  const all = evidenceOfKind(evidence, 'certificates');
  const bySha1 = new Map<string, CertificateRecord>();
  for (const e of all) for (const c of e.certificates) bySha1.set(c.sha1.toUpperCase(), c);
  const supplied = new Set(all.filter((e) => e.origin === 'file').flatMap((e) => e.certificates.map((c) => c.sha1.toUpperCase())));
  const out: WireChain[] = [];
  for (const probe of all) {
    if (probe.origin !== 'probe') continue;
    const leaf = probe.certificates.find((c) => !c.isCa) ?? probe.certificates[0];
    if (!leaf) continue;
    const sent = probe.certificates.map((c) => c.sha1.toUpperCase());
    const chain = chains.find((c) => c.leaf.toUpperCase() === leaf.sha1.toUpperCase());
    const path = (chain?.path ?? [leaf.sha1]).map((s) => s.toUpperCase());
    // The root need not be sent (Exchange Online has its own); every certificate between leaf and root must be.
    // A complete or untrusted path ends in its root (from the store or supplied); an incomplete one does not.
    const beyondLeaf = chain && chain.status !== 'incomplete' ? path.slice(1, -1) : path.slice(1);
    const intermediates = beyondLeaf.filter((sha1) => !(bySha1.get(sha1)?.selfSigned ?? false));
    const notSent = intermediates.filter((sha1) => !sent.includes(sha1)).map((sha1) => ({ sha1, subject: bySha1.get(sha1)?.subject ?? sha1 }));
    out.push({
      source: probe.source,
      host: probe.origin_detail ?? probe.source.replace(/^probe:/, ''),
      leaf,
      sent,
      notSent,
      suppliedToo: notSent.filter((c) => supplied.has(c.sha1.toUpperCase())),
      issuerUnknown: chain?.status === 'incomplete',
    });
  }
  return out;
}

/** The wire judgement as findings: `chain.notSentByServer` per capture whose path lacks what it should carry. */
export function wireFindings(wire: readonly WireChain[]): Finding[] {
  return wire
    .filter((w) => w.notSent.length > 0 || w.issuerUnknown)
    .map((w) => ({
      id: 'chain.notSentByServer',
      severity: 'critical',
      confidence: 'certain',
      params: {
        host: w.host,
        leaf: w.leaf.subject,
        leafSha1: w.leaf.sha1,
        sentCount: w.sent.length,
        missing: w.notSent.length > 0 ? w.notSent.map((c) => c.subject) : [w.leaf.issuer],
        missingIssuer: w.notSent[0]?.subject ?? w.leaf.issuer,
        suppliedToo: w.suppliedToo.length > 0,
        aiaUrls: w.leaf.aiaCaIssuers,
      },
      evidence: [w.source, `cert:${w.leaf.sha1}`],
    }));
}

/** What the case says about whether a chain matters at all (domain.md §11.3). */
export interface ChainRelevance {
  /** The connector matches by IP: the chain plays no part in attribution. */
  readonly ipConnector: boolean;
  /** Sessions reach EOP and are accepted: mail flows. */
  readonly mailFlows: boolean;
}

/**
 * Re-grades the certificate findings by what they rest on:
 * - about a leaf nothing points at (another certificate in the bundle): dropped, and the leaf is listed as
 *   `chain.unrelatedCertificate` (info) instead of a critical name mismatch (issue 17 item 7);
 * - `chain.missingIntermediate` for a chain no probe saw keeps its severity but says `seenOn: supplied` (the file
 *   holds what the admin has, not what is sent); where the chain plays no part — an IP-based connector, or mail
 *   flowing — it is `low`: a fact about the file, no problem of the relay.
 */
export function regradeCertificateFindings(
  findings: readonly Finding[],
  focus: CaseFocus,
  wire: readonly WireChain[],
  relevance: ChainRelevance = { ipConnector: false, mailFlows: false },
): Finding[] {
  const unrelated = new Map(focus.unrelatedLeaves.map((l) => [`cert:${l.sha1}`, l]));
  const onWire = new Set(wire.map((w) => w.leaf.sha1.toUpperCase()));
  const listed = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const certRefs = f.evidence.filter((r) => r.startsWith('cert:'));
    const leafRef = typeof f.params['leafSha1'] === 'string' ? `cert:${f.params['leafSha1']}` : certRefs[0];
    const aboutUnrelated = (f.id.startsWith('chain.') || f.id.startsWith('cert.')) && leafRef !== undefined && unrelated.has(leafRef);
    if (f.id === 'chain.unrelatedCertificate') for (const r of certRefs) listed.add(r);
    if (aboutUnrelated && f.id !== 'chain.unrelatedCertificate') continue;
    if (f.id === 'chain.missingIntermediate') {
      const leafSha1 = String(f.params['leafSha1'] ?? '').toUpperCase();
      if (!onWire.has(leafSha1)) {
        const irrelevant = relevance.ipConnector || relevance.mailFlows;
        out.push({ ...f, ...(irrelevant ? { severity: 'low' as const } : {}), params: { ...f.params, seenOn: 'supplied' } });
        continue;
      }
    }
    out.push(f);
  }
  for (const leaf of focus.unrelatedLeaves) {
    if (listed.has(`cert:${leaf.sha1}`)) continue;
    out.push({
      id: 'chain.unrelatedCertificate',
      severity: 'info',
      confidence: 'certain',
      params: { subject: leaf.subject, sha1: leaf.sha1, reason: 'otherLeaf' },
      evidence: [`cert:${leaf.sha1}`],
    });
  }
  return out;
}

/** Per chain, which of its certificates were seen on the wire and which were supplied as files (issue 17 item 2). */
export function annotateChains(chains: readonly ChainReport[], evidence: readonly Evidence[]): ChainReport[] {
  const all = evidenceOfKind(evidence, 'certificates');
  const wire = new Set(all.filter((e) => e.origin === 'probe').flatMap((e) => e.certificates.map((c) => c.sha1.toUpperCase())));
  const supplied = new Set(all.filter((e) => e.origin !== 'probe').flatMap((e) => e.certificates.map((c) => c.sha1.toUpperCase())));
  return chains.map((c) => ({
    ...c,
    sentByServer: c.path.filter((s) => wire.has(s.toUpperCase())),
    supplied: c.path.filter((s) => supplied.has(s.toUpperCase())),
  }));
}

/**
 * The chain as the sending server itself builds it from its local stores (the collector's chain status, X509Chain
 * with downloads off): `PartialChain` is the KB 3212877 state on that machine, `UntrustedRoot` a root missing
 * there (domain.md §11.4). Sending-side evidence, like CAPI2's event 30: `chain.localChainIncomplete`.
 */
export function localChainFindings(evidence: readonly Evidence[]): Finding[] {
  const settings = evidenceOfKind(evidence, 'settings');
  const computers = [...new Set(settings.flatMap((s) => (s.manifests ?? []).map((m) => m.computer)))];
  const out: Finding[] = [];
  for (const s of settings)
    for (const chain of s.localChains ?? []) {
      const status = chain.statuses.find((x) => /^(PartialChain|UntrustedRoot)$/i.test(x));
      if (!status) continue;
      out.push({
        id: 'chain.localChainIncomplete',
        severity: 'critical',
        confidence: 'certain',
        params: {
          status,
          ...(chain.thumbprint ? { thumbprint: chain.thumbprint } : {}),
          ...(computers.length === 1 ? { computer: computers[0]! } : {}),
        },
        evidence: [chain.ref, ...(chain.thumbprint ? [`cert:${chain.thumbprint}`] : [])],
      });
    }
  return out;
}
