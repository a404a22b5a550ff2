import type { Severity } from '../../model/finding';
import type { Capi2Event, CertRef } from '../capi2/capi2-event';
import type { Hresult } from '../capi2/hresult';
import type { TrustStatus } from '../capi2/trust-status';

/** One reason an event supports a finding: which certificate, and the Result or trust flag that says so. */
export interface Capi2Match {
  readonly certificate?: CertRef;
  readonly result?: Hresult;
  readonly flag?: string;
}

/**
 * A CAPI2 rule (findings.md "Events"): the finding id, its severity when the event belongs to a TLS
 * handshake (Schannel in lsass.exe, the SSL chain policy, Exchange transport), and a test over one event.
 */
export interface Capi2Rule {
  readonly id: string;
  readonly severity: Severity;
  /** Severity when the event is not about TLS (code signing, Windows Update …): noise for a mail relay. */
  readonly otherSeverity: Severity;
  test(event: Capi2Event): Capi2Match[];
}

function byResult(event: Capi2Event, codes: readonly string[]): Capi2Match[] {
  const r = event.result;
  return r && codes.includes(r.hex) ? [{ ...(event.certificate ? { certificate: event.certificate } : {}), result: r }] : [];
}

/** Elements (or the chain itself, attributed to its first element) whose trust status has one of `flags`. */
function byFlag(event: Capi2Event, flags: readonly string[]): Capi2Match[] {
  const out: Capi2Match[] = [];
  const push = (trust: TrustStatus, certificate: CertRef | undefined) => {
    const flag = flags.find((f) => trust.errorFlags.includes(f));
    if (flag) out.push({ ...(certificate ? { certificate } : {}), flag });
  };
  for (const chain of event.chains) {
    const flagged = chain.elements.filter((el) => flags.some((f) => el.trust.errorFlags.includes(f)));
    for (const el of flagged) push(el.trust, el.certificate);
    if (flagged.length === 0) push(chain.trust, chain.elements[0]?.certificate ?? event.certificate);
  }
  return out;
}

function byRevocationResult(event: Capi2Event, codes: readonly string[]): Capi2Match[] {
  const out: Capi2Match[] = [];
  for (const chain of event.chains)
    for (const el of chain.elements)
      if (el.revocationResult && codes.includes(el.revocationResult.hex)) out.push({ certificate: el.certificate, result: el.revocationResult });
  return out;
}

const REVOCATION = ['80092012', '80092013'];

/** Registry of CAPI2 rules, one per finding id (findings.md; domain.md §3.4 flags, §3.5 HRESULTs). */
export const CAPI2_RULES: readonly Capi2Rule[] = [
  // 800B0109 CERT_E_UNTRUSTEDROOT: KB 3212877's event 30 when the intermediates are not on the server.
  { id: 'capi2.untrustedRoot', severity: 'critical', otherSeverity: 'low', test: (e) => [...byResult(e, ['800B0109']), ...byFlag(e, ['CERT_TRUST_IS_UNTRUSTED_ROOT'])] },
  // 800B010A CERT_E_CHAINING, or a chain Windows could not complete.
  { id: 'capi2.partialChain', severity: 'critical', otherSeverity: 'low', test: (e) => [...byResult(e, ['800B010A']), ...byFlag(e, ['CERT_TRUST_IS_PARTIAL_CHAIN'])] },
  { id: 'capi2.expired', severity: 'critical', otherSeverity: 'low', test: (e) => [...byResult(e, ['800B0101']), ...byFlag(e, ['CERT_TRUST_IS_NOT_TIME_VALID'])] },
  // CRL/OCSP unreachable: usually tolerated (the SSL policy of Schannel ignores revocation by default).
  {
    id: 'capi2.revocationOffline',
    severity: 'low',
    otherSeverity: 'info',
    test: (e) => [
      ...byResult(e, REVOCATION),
      ...byRevocationResult(e, REVOCATION),
      ...byFlag(e, ['CERT_TRUST_REVOCATION_STATUS_UNKNOWN', 'CERT_TRUST_IS_OFFLINE_REVOCATION']),
    ],
  },
  { id: 'capi2.nameMismatch', severity: 'high', otherSeverity: 'low', test: (e) => byResult(e, ['800B010F']) },
  { id: 'capi2.wrongUsage', severity: 'high', otherSeverity: 'low', test: (e) => byResult(e, ['800B0110']) },
];
