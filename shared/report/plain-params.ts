import { format, type MessageParams } from '../i18n/format';
import { localizeDates, type TimeZone } from '../i18n/dates';
import type { Locale } from '../i18n/locales';
import { parseTlsCertificateName } from '../settings/dn';
import { cnFirst } from '../x509/cn-first';

/**
 * A finding's or cause's params as the admin reads them in a sentence (issue 21 item 5): instants in their
 * language and zone, and a Send connector's `<I>issuer<S>subject` as "subject (issued by issuer)", CN first.
 * The exact value, which a script needs, is for a details area: `exactTlsNames`.
 */
export function plainParams(params: MessageParams | undefined, locale: Locale, timeZone?: TimeZone): MessageParams {
  const out: Record<string, MessageParams[string]> = { ...localizeDates(params, locale, timeZone) };
  for (const [key, value] of Object.entries(out)) {
    const name = typeof value === 'string' ? parseTlsCertificateName(value) : undefined;
    if (name) out[key] = format(locale, 'layout.tlsName.plain', { subject: cnFirst(name.subject), issuer: cnFirst(name.issuer) });
  }
  return out;
}

/** The `<I>issuer<S>subject` values among the params, exactly as the evidence has them. */
export function exactTlsNames(params: MessageParams | undefined): string[] {
  return Object.values(params ?? {}).filter((v): v is string => typeof v === 'string' && parseTlsCertificateName(v) !== undefined);
}
