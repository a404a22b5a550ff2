import type { Severity } from '../../model/finding';

/**
 * Exchange transport events about the STARTTLS / internal transport certificate (domain.md §4), from the
 * Application log of an Exchange server: source MSExchangeTransport (Hub) or MSExchangeFrontEndTransport.
 * `scope` tells the admin which certificate is meant: the one offered for STARTTLS on a connector, or the
 * internal transport certificate.
 */
export interface ExchangeEventRule {
  readonly eventId: number;
  readonly id: string;
  readonly severity: Severity;
  readonly scope: 'starttls' | 'internal';
}

export const EXCHANGE_PROVIDERS = /^MSExchange ?(FrontEnd)?Transport$/i;

export const EXCHANGE_EVENT_RULES: readonly ExchangeEventRule[] = [
  // 12014: no certificate in the Personal store matches the connector FQDN / TlsCertificateName.
  { eventId: 12014, id: 'exchange.tlsCertificateNotFound', severity: 'high', scope: 'starttls' },
  // 12013: the configured internal transport certificate cannot be loaded from the store.
  { eventId: 12013, id: 'exchange.tlsCertificateNotFound', severity: 'medium', scope: 'internal' },
  // 12016: STARTTLSCertificateExpired.
  { eventId: 12016, id: 'exchange.tlsCertificateExpired', severity: 'critical', scope: 'starttls' },
  // 12018: STARTTLSCertificateExpiresSoon; 12017 the same for the internal transport certificate.
  { eventId: 12018, id: 'exchange.tlsCertificateExpiresSoon', severity: 'medium', scope: 'starttls' },
  { eventId: 12017, id: 'exchange.tlsCertificateExpiresSoon', severity: 'low', scope: 'internal' },
];

/** Facts pulled out of an event's Data values (and rendered message, when the export has one). */
export interface ExchangeEventFacts {
  readonly thumbprint?: string;
  /** An FQDN, `CN=…` subject or `<I>issuer<S>subject` name the event names. */
  readonly subject?: string;
}

/**
 * The insertion strings of these events are not documented per position, so facts are recognised by shape:
 * a 40-hex-digit thumbprint, and a subject, `<I>…<S>…` name or host name.
 */
export function exchangeEventFacts(values: readonly string[]): ExchangeEventFacts {
  let thumbprint: string | undefined;
  let subject: string | undefined;
  for (const v of values) {
    const t = /\b([0-9A-Fa-f]{40})\b/.exec(v);
    if (t?.[1] && !thumbprint) thumbprint = t[1].toUpperCase();
    const s = /(<I>[^\n]*?<S>[^\n]*|\bCN=[^\n]*|\b(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b)/.exec(v);
    if (s?.[1] && !subject && !/^[0-9.]+$/.test(s[1])) subject = s[1].trim();
  }
  return { ...(thumbprint ? { thumbprint } : {}), ...(subject ? { subject } : {}) };
}
