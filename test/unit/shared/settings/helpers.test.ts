import { describe, expect, it } from 'vitest';
import { ipInRange, isPrivateIpv4 } from '../../../../shared/settings/ip';
import { commonNamesOf, parseTlsCertificateName, sameDn } from '../../../../shared/settings/dn';
import { acceptedFor } from '../../../../shared/settings/rules/accepted-domain-rule';

describe('SenderIPAddresses matching', () => {
  it('matches single addresses, CIDR blocks and dash ranges', () => {
    expect(ipInRange('203.0.113.10', '203.0.113.0/28')).toBe(true);
    expect(ipInRange('203.0.113.16', '203.0.113.0/28')).toBe(false);
    expect(ipInRange('192.0.2.44', '192.0.2.44')).toBe(true);
    expect(ipInRange('192.0.2.45', '192.0.2.40-192.0.2.50')).toBe(true);
    expect(ipInRange('2001:db8::1', '203.0.113.0/24')).toBe(false);
    expect(ipInRange('203.0.113.1', '203.0.113.0/33')).toBe(false);
  });

  it('knows the addresses EOP never sees', () => {
    expect(isPrivateIpv4('10.0.0.25')).toBe(true);
    expect(isPrivateIpv4('172.31.255.1')).toBe(true);
    expect(isPrivateIpv4('203.0.113.10')).toBe(false);
  });
});

describe('distinguished names of <I>issuer<S>subject', () => {
  it('splits the two names, keeping commas inside each', () => {
    expect(parseTlsCertificateName('<I>CN=CA G2, O=Example, C=US<S>CN=mail.contoso.com, O=Contoso')).toEqual({
      issuer: 'CN=CA G2, O=Example, C=US',
      subject: 'CN=mail.contoso.com, O=Contoso',
    });
    expect(parseTlsCertificateName('mail.contoso.com')).toBeUndefined();
  });

  it('compares names regardless of RDN order, case, spacing and S/ST aliases', () => {
    expect(sameDn('CN=mail.contoso.com, O=Contoso s.r.o., S=Praha, C=CZ', 'c=CZ,st=Praha,o=Contoso  s.r.o.,cn=MAIL.contoso.com')).toBe(true);
    expect(sameDn('CN=mail.contoso.com, O=Contoso', 'CN=mail.contoso.com')).toBe(false);
    expect(sameDn('CN="Contoso, Inc", C=US', 'C=US, CN=Contoso, Inc')).toBe(false);
  });

  it('reads CN values', () => {
    expect(commonNamesOf('CN=relay.hosts.contoso.com, O=Contoso')).toEqual(['relay.hosts.contoso.com']);
  });
});

describe('accepted domain for a certificate name (domain.md §2)', () => {
  const accepted = ['contoso.com', '*.fabrikam.example'];
  it('accepts the domain itself, a host directly under it, and a wildcard for it', () => {
    expect(acceptedFor('contoso.com', accepted)).toBe('contoso.com');
    expect(acceptedFor('mail.contoso.com', accepted)).toBe('contoso.com');
    expect(acceptedFor('*.contoso.com', accepted)).toBe('contoso.com');
  });

  it('refuses a host two levels down unless a wildcard accepted domain covers subdomains', () => {
    expect(acceptedFor('relay.hosts.contoso.com', accepted)).toBeUndefined();
    expect(acceptedFor('relay.hosts.fabrikam.example', accepted)).toBe('*.fabrikam.example');
  });
});
