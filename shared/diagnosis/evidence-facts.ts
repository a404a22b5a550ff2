import { evidenceOfKind, type Evidence } from '../model/evidence';
import type { ChainReport } from '../model/report';
import type { InboundConnector, SendConnector, ExchangeCertificate } from '../settings/types';
import type { CertificateRecord } from '../x509/types';
import type { SmtpSession } from '../smtp/types';

/**
 * Facts the cause rules read straight from the evidence, where no finding of findings.md carries them
 * (connector lists, accepted domains, envelope senders, what the sending side actually presented).
 */

/** An item with the evidence reference that points at it (`<file>#record:<n>`, `cert:<sha1>` …). */
export interface Sourced<T> {
  readonly item: T;
  readonly ref: string;
}

export function inboundConnectors(evidence: readonly Evidence[]): Sourced<InboundConnector>[] {
  return evidenceOfKind(evidence, 'settings').flatMap((e) => e.inboundConnectors.map((item) => ({ item, ref: item.ref || e.source })));
}

export function sendConnectors(evidence: readonly Evidence[]): Sourced<SendConnector>[] {
  return evidenceOfKind(evidence, 'settings').flatMap((e) => e.sendConnectors.map((item) => ({ item, ref: item.ref || e.source })));
}

export function exchangeCertificates(evidence: readonly Evidence[]): Sourced<ExchangeCertificate>[] {
  return evidenceOfKind(evidence, 'settings').flatMap((e) =>
    e.exchangeCertificates.map((item) => ({ item, ref: item.ref || e.source })),
  );
}

/** Accepted domains from Get-AcceptedDomain output, lower-case; empty when none was given. */
export function acceptedDomains(evidence: readonly Evidence[]): string[] {
  const out = new Set<string>();
  for (const e of evidenceOfKind(evidence, 'settings')) for (const d of e.acceptedDomains) out.add(d.domainName.toLowerCase());
  return [...out];
}

/** Get-InboundConnector leaves Enabled out only when it is the default ($true). */
export function isEnabled(c: InboundConnector): boolean {
  return c.enabled !== false;
}

/** Only OnPremises connectors give relay rights (domain.md §1.2). Unknown type is not assumed either way. */
export function isOnPremises(c: InboundConnector): boolean | undefined {
  return c.connectorType === undefined ? undefined : c.connectorType.toLowerCase() === 'onpremises';
}

/** Enabled OnPremises connectors: the ones EOP can attribute a relay session with. */
export function relayConnectors(evidence: readonly Evidence[]): Sourced<InboundConnector>[] {
  return inboundConnectors(evidence).filter((c) => isEnabled(c.item) && isOnPremises(c.item) === true);
}

/** Leaf (non-CA) certificates from every certificate input. */
export function leafCertificates(evidence: readonly Evidence[]): Sourced<CertificateRecord>[] {
  return evidenceOfKind(evidence, 'certificates').flatMap((e) =>
    e.certificates.filter((c) => !c.isCa).map((item) => ({ item, ref: `cert:${item.sha1}` })),
  );
}

/** Sessions the logging server opened itself (SmtpSend, IIS outbound): the relay's side of the story. */
export function outboundSessions(evidence: readonly Evidence[]): SmtpSession[] {
  return evidenceOfKind(evidence, 'smtpLog').flatMap((e) => e.sessions.filter((s) => s.role === 'client'));
}

/**
 * Evidence references of complete chains the sending side itself presented: a probe capture whose leaf has
 * a complete chain, with every intermediate of that path among the certificates the probe received (a path
 * completed from other files or the trust store proves nothing about what goes over the wire).
 */
export function completeChainsSent(evidence: readonly Evidence[], chains: readonly ChainReport[] = []): string[] {
  const refs: string[] = [];
  for (const probe of evidenceOfKind(evidence, 'certificates')) {
    if (probe.origin !== 'probe') continue;
    const sent = new Set(probe.certificates.map((c) => c.sha1.toUpperCase()));
    for (const chain of chains) {
      if (chain.status !== 'complete' || !sent.has(chain.leaf.toUpperCase())) continue;
      const intermediates = chain.path.slice(1, -1);
      if (intermediates.every((sha1) => sent.has(sha1.toUpperCase()))) refs.push(probe.source, `cert:${chain.leaf}`);
    }
  }
  return refs;
}

/** Every DNS name of a certificate: SANs first, then CNs that look like host names. */
export function certificateNames(c: CertificateRecord): string[] {
  const names = [...c.dnsNames, ...c.commonNames.filter((n) => n.includes('.'))].map((n) => n.toLowerCase());
  return [...new Set(names)];
}

/**
 * The accepted domain a certificate name needs (domain.md §1.3 C4, §2): `*.contoso.com` needs contoso.com;
 * `contoso.com` itself may be accepted; `host.sub.contoso.com` needs sub.contoso.com (its parent).
 */
export function domainsThatAccept(name: string): string[] {
  const n = name.toLowerCase();
  if (n.startsWith('*.')) return [n.slice(2)];
  const dot = n.indexOf('.');
  const parent = dot > 0 ? n.slice(dot + 1) : '';
  return parent.includes('.') ? [n, parent] : [n];
}

/** The domain to add as accepted for a name (its parent for a host, the base for a wildcard). */
export function suggestedAcceptedDomain(name: string): string {
  const options = domainsThatAccept(name);
  return options[options.length - 1] ?? name.toLowerCase();
}

/** Whether a TlsSenderCertificateName pattern (leading `*.` only) covers a certificate name. */
export function connectorNameCovers(pattern: string, name: string): boolean {
  const p = pattern.toLowerCase();
  const n = name.toLowerCase().replace(/^\*\./, '');
  if (p.startsWith('*.')) return n === p.slice(2) || n.endsWith(p.slice(1));
  return n === p;
}
