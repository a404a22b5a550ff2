import type { Finding } from '../../model/finding';
import type { SettingsRule } from './pool';

function clean(d: string): string {
  return d.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * Whether a certificate name is acceptable to EOP (domain.md §2 "Accepted domain"): the name itself, or the
 * domain the host sits under (`host.sub.contoso.com` → `sub.contoso.com`), is an accepted domain; for a
 * wildcard `*.contoso.com` that is `contoso.com`. An accepted domain written `*.x` covers x's subdomains.
 */
export function acceptedFor(name: string, accepted: readonly string[]): string | undefined {
  const n = clean(name);
  const candidates = n.startsWith('*.') ? [n.slice(2)] : [n, n.split('.').slice(1).join('.')];
  for (const a of accepted.map(clean)) {
    for (const c of candidates) {
      if (!c) continue;
      if (a === c) return a;
      if (a.startsWith('*.') && (c === a.slice(2) || c.endsWith(`.${a.slice(2)}`))) return a;
    }
  }
  return undefined;
}

/** ATTR36 cross-check: no name of the certificate that is sent sits under an accepted domain. */
export const certificateDomainNotAccepted: SettingsRule = (pool) => {
  const accepted = pool.acceptedDomains.map((d) => d.domainName);
  if (accepted.length === 0) return [];
  const out: Finding[] = [];
  for (const cert of pool.sent) {
    const names = [...new Set([...cert.commonNames, ...cert.dnsNames].filter((n) => n.includes('.')))];
    if (names.length === 0 || names.some((n) => acceptedFor(n, accepted))) continue;
    const first = names[0] ?? '';
    const suggested = first.startsWith('*.') ? first.slice(2) : first.split('.').slice(1).join('.');
    out.push({
      id: 'acceptedDomain.certificateDomainNotAccepted',
      severity: 'critical',
      confidence: 'likely',
      params: { certificate: cert.label, certificateNames: names, acceptedDomains: accepted, suggestedDomain: suggested },
      evidence: [...cert.refs, ...pool.acceptedDomains.map((d) => d.ref).slice(0, 5)],
    });
  }
  return out;
};
