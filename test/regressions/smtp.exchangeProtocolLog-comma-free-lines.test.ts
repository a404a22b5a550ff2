import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../shared/model/input';
import { exchangeProtocolLogReader } from '../../shared/smtp/readers';

// fieldAt looked for the next comma with indexOf over the whole text, not just the line: 4 MB of lines without
// commas under a #Fields header took 50 s (fuzzer, issue 12). It now stops at the line's end.
describe('Exchange protocol log reader on lines without commas', () => {
  it('reads 200,000 comma-free lines and counts them as damaged', async () => {
    const header = '#Log-Type: SMTP Send Protocol Log\r\n#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n';
    const text = header + 'garbage without separators\r\n'.repeat(200_000) + '2024-05-16T11:58:00.000Z,Outbound,08DC1,0,10.0.0.1:1,1.2.3.4:25,+,,\r\n';
    const bytes = new TextEncoder().encode(text);
    const r = await exchangeProtocolLogReader.read({ name: 'SEND.log', bytes }, { limits: DEFAULT_LIMITS });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.damaged).toBe(200_000);
  });
});
