import { describe, expect, it } from 'vitest';
import { connectorNameMatch, isValidConnectorName, matchesConnectorName } from '../../../../shared/x509/index';

const cert = (commonNames: string[], dnsNames: string[]) => ({ commonNames, dnsNames });

describe('matchesConnectorName (Exchange Online rules)', () => {
  it('matches the CN even when SANs exist', () => {
    expect(matchesConnectorName(cert(['relay.contoso.com'], ['mail.contoso.com']), 'relay.contoso.com')).toBe(true);
  });

  it('lets a leading *. in the connector cover the domain and all subdomains', () => {
    const c = cert([], ['contoso.com']);
    expect(matchesConnectorName(c, '*.contoso.com')).toBe(true);
    expect(matchesConnectorName(cert([], ['a.b.contoso.com']), '*.contoso.com')).toBe(true);
    expect(matchesConnectorName(cert([], ['notcontoso.com']), '*.contoso.com')).toBe(false);
  });

  it('refuses embedded and partial wildcards in the connector name', () => {
    expect(isValidConnectorName('a.*.contoso.com')).toBe(false);
    expect(isValidConnectorName('re*.contoso.com')).toBe(false);
    expect(isValidConnectorName('*')).toBe(false);
    expect(isValidConnectorName('*.contoso.com')).toBe(true);
    expect(connectorNameMatch(cert(['a.x.contoso.com'], []), 'a.*.contoso.com')).toEqual({ matches: false, invalidName: true });
  });

  it('says which certificate name matched', () => {
    expect(connectorNameMatch(cert(['x'], ['*.contoso.com']), 'smtp.contoso.com')).toEqual({
      matches: true,
      matchedBy: '*.contoso.com',
      invalidName: false,
    });
  });
});
