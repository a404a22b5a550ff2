import { describe, expect, it } from 'vitest';
import { networkRequestSchemas } from '../../../../shared/network/requests';

describe('network request schemas', () => {
  it('accepts a probe of a host with a port', () => {
    expect(networkRequestSchemas['network:probe'].safeParse({ host: 'mail.contoso.com', port: 25 }).success).toBe(true);
  });

  it.each([{ host: 'mail.contoso.com\r\nQUIT' }, { host: 'x', port: 0 }, { host: 'x', extra: true }])('refuses probe request %j', (req) => {
    expect(networkRequestSchemas['network:probe'].safeParse(req).success).toBe(false);
  });

  it('refuses a test relay whose recipient would inject a command', () => {
    const base = { host: 'contoso-com.mail.protection.outlook.com', heloName: 'relay.contoso.com', mailFrom: 'a@contoso.com', credentials: { pfx: new Uint8Array(1), password: 'p' } };
    expect(networkRequestSchemas['network:testRelay'].safeParse({ ...base, rcptTo: 'b@fabrikam.com' }).success).toBe(true);
    expect(networkRequestSchemas['network:testRelay'].safeParse({ ...base, rcptTo: 'b@fabrikam.com>\r\nDATA' }).success).toBe(false);
  });
});
