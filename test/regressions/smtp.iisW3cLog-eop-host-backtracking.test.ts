import { describe, expect, it } from 'vitest';
import { mentionsExchangeOnline } from '../../shared/smtp/reply';

// The Exchange Online host pattern matched `(?:[a-z0-9-]+\.)*` before the suffix and backtracked over a long
// run of labels: the fuzzer's 106 KB IIS log line ("…otection.otection.otection…") took 4 s of CPU (issue 12).
describe('Exchange Online host recognition', () => {
  it('answers no on a long run of host labels', () => {
    const line = `220 AM6EUR05FT012.mail.pr${'otection.'.repeat(12_000)}x`;
    expect(mentionsExchangeOnline(line)).toBe(false);
  });

  it.each([
    ['220 AM6EUR05FT012.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready', true],
    ['contoso-com.mail.protection.outlook.com', true],
    ['[AM6EUR05FT012.eop-eur05.prod.protection.outlook.com]', true],
    ['(smtp.mail.eo.outlook.com)', true],
    ['relay to xmail.protection.outlook.com failed', true],
    ['mail.protection.outlook.com.evil.example', true],
    ['notprotection.outlook.com', false],
    ['outlook.com', false],
  ])('%s → %s (same answers as before)', (text, expected) => {
    expect(mentionsExchangeOnline(text)).toBe(expected);
  });
});
