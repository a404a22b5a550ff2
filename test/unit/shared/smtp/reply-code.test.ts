import { describe, expect, it } from 'vitest';
import { replyCode } from '../../../../shared/smtp/reply';

describe('reply codes', () => {
  it('reads the three digits that open a reply, followed by a space or a dash', () => {
    expect(replyCode('550 5.7.64 TenantAttribution; Relay Access Denied')).toBe(550);
    expect(replyCode('250-AM6EUR05FT012.mail.protection.outlook.com Hello [203.0.113.10]')).toBe(250);
    expect(replyCode('220 2.0.0 SMTP server ready')).toBe(220);
    expect(replyCode('421 4.4.2 Connection dropped')).toBe(421);
  });

  it('refuses what is not a reply code: other classes, short or longer numbers, no separator, leading space', () => {
    for (const text of ['', '2', '25', '250', '2500 ok', '199 x', '600 x', '25O x', ' 250 x', '250:ok', '٢٥٠ x', 'EHLO x', '250\tx']) {
      expect(replyCode(text), JSON.stringify(text)).toBeUndefined();
    }
  });
});
