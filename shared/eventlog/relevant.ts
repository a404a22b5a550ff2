import type { EventRecord } from './types';

/**
 * Providers whose events Relay Doctor reads (CAPI2 chains, Exchange transport, Schannel, IIS SMTP, certificate
 * autoenrollment). An exported Security or System log can hold millions of other events; the readers count
 * those but do not keep them, so a 1 GB log costs the memory of its few relevant events, not of all of them.
 */
const RELEVANT = /^(Microsoft-Windows-CAPI2|MSExchange.*|Schannel|Microsoft-Windows-Schannel.*|SMTPSVC|Microsoft-Windows-CertificateServicesClient.*)$/i;

export function isRelevantEvent(record: EventRecord): boolean {
  return isRelevantProvider(record.provider);
}

/** The same choice made from the provider name alone, before a record is built (the .evtx reader's keepProvider). */
export function isRelevantProvider(provider: string): boolean {
  // A log has a handful of providers and a million records: the answer is remembered per name, and the last
  // one checked first (records of one provider come in runs; comparing is cheaper than hashing a new string).
  if (provider === last.provider) return last.relevant;
  let known = SEEN.get(provider);
  if (known === undefined) {
    known = RELEVANT.test(provider);
    if (SEEN.size < 1024) SEEN.set(provider, known);
  }
  last = { provider, relevant: known };
  return known;
}

let last = { provider: '', relevant: false };

const SEEN = new Map<string, boolean>();
