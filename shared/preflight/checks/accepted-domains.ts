import type { PreflightCheck } from '../types';
import { dnsLikeNames, result } from '../context';
import { acceptedDomains } from '../../diagnosis/evidence-facts';
import { acceptedFor } from '../../settings/rules/accepted-domain-rule';
import { sessionFacts, domainOf } from '../../diagnosis/correlate/sessions';
import { evidenceOfKind } from '../../model/evidence';

/**
 * The relay OR rule per message (domain.md §1.2, §11.2): each message needs an accepted domain as either the
 * certificate's domain or its P1 MAIL FROM domain. An accepted certificate domain covers every message; if it
 * is not accepted, every P1 sender seen in the logs (and the null sender of NDRs, which always exist) must be.
 */
export const acceptedDomainsCheck: PreflightCheck = {
  id: 'preflight.acceptedDomains',
  run({ evidence, leaf }) {
    const id = this.id;
    const accepted = acceptedDomains(evidence);
    const names = dnsLikeNames(leaf);
    const acceptedRefs = evidenceOfKind(evidence, 'settings').flatMap((e) => e.acceptedDomains.map((d) => d.ref || e.source));
    if (accepted.length === 0) return result(id, 'unknown', 'noAcceptedDomains', { names });
    const covering = names.map((n) => acceptedFor(n, accepted)).find((d) => d !== undefined);
    if (covering) return result(id, 'pass', 'certificateDomain', { domain: covering, names }, [`cert:${leaf.sha1}`, ...acceptedRefs]);
    // P1 senders seen on the way to Exchange Online: send logs' MAIL FROM and NDRs (returned to the P1 sender).
    const seen = new Map<string, string>();
    for (const s of sessionFacts(evidence)) if (s.toEop && s.mailFrom !== undefined && !seen.has(s.mailFrom)) seen.set(s.mailFrom, s.refs[0] ?? s.log);
    for (const ndr of evidenceOfKind(evidence, 'ndr'))
      for (const m of ndr.messages) if (m.envelopeSender !== undefined && !seen.has(m.envelopeSender)) seen.set(m.envelopeSender, `${ndr.source}#message:${m.index}`);
    const refused = [...seen].filter(([sender]) => {
      const d = domainOf(sender);
      return d === '' || !accepted.some((a) => a === d || (a.startsWith('*.') && d.endsWith(a.slice(1))));
    });
    const suggested = (names[0] ?? '').replace(/^\*\./, '').split('.').slice(names[0]?.startsWith('*.') ? 0 : 1).join('.');
    const base = { names, acceptedDomains: accepted, suggestedDomain: suggested };
    if (refused.length > 0) {
      return result(id, 'fail', 'sendersRefused', { ...base, senders: refused.map(([s]) => s || '<>'), count: refused.length }, [`cert:${leaf.sha1}`, ...refused.map(([, ref]) => ref), ...acceptedRefs]);
    }
    return result(id, 'warn', 'onlyP1', { ...base, senders: [...seen.keys()].map((s) => s || '<>') }, [`cert:${leaf.sha1}`, ...acceptedRefs]);
  },
};
