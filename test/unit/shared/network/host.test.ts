import { describe, expect, it } from 'vitest';
import { parseHostPort } from '../../../../shared/network/host';

describe('parseHostPort', () => {
  it.each([
    ['mail.contoso.com', { host: 'mail.contoso.com', port: 25 }],
    [' mail.contoso.com:587 ', { host: 'mail.contoso.com', port: 587 }],
    ['192.0.2.10:465', { host: '192.0.2.10', port: 465 }],
    ['[2001:db8::1]:25', { host: '2001:db8::1', port: 25 }],
    ['2001:db8::1', { host: '2001:db8::1', port: 25 }],
  ])('reads %j as a host and port', (text, expected) => expect(parseHostPort(text, 25)).toEqual(expected));

  it.each(['', 'mail.contoso.com:0', 'mail.contoso.com:65536', 'smtp://mail.contoso.com', 'mail contoso.com', 'mail.contoso.com:25/x', '[mail.contoso.com]:25x'])(
    'refuses %j',
    (text) => expect(parseHostPort(text, 25)).toBeNull(),
  );
});
