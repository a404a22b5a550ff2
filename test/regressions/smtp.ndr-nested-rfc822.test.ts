import PostalMime from 'postal-mime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../../shared/model/input';
import { ndrReader } from '../../shared/smtp/readers';

/** A bounce whose returned message returns a message … `depth` levels deep, each level with some lines. */
function nestedBounce(depth: number): Uint8Array {
  let inner = 'Subject: original\r\n\r\n' + 'line of the original message\r\n'.repeat(200);
  for (let level = 0; level < depth; level++) {
    inner = `Subject: level ${level}\r\nMIME-Version: 1.0\r\nContent-Type: message/rfc822\r\n\r\n${inner}`;
  }
  const top = [
    'From: MAILER-DAEMON@contoso.com',
    'Subject: Undeliverable: report',
    'MIME-Version: 1.0',
    // multipart/mixed, as gateways that forward bounces send them (a multipart/report keeps its returned
    // message as an attachment and never re-parses it).
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'Remote server returned 550 5.7.64 TenantAttribution; Relay Access Denied',
    '--b',
    'Content-Type: message/rfc822',
    '',
    inner,
    '--b--',
    '',
  ].join('\r\n');
  return new TextEncoder().encode(top);
}

afterEach(() => vi.restoreAllMocks());

// postal-mime re-parsed each inline message/rfc822 with a new parser, 10 levels deep by default, so a bounce of
// nested returned messages cost ~10× its size (2.6 MB: 15 s CPU; fuzzer, issue 12). readEml now lets it nest 2.
describe('NDR reader on a bounce of nested returned messages', () => {
  it('parses at most three message levels and still reads the bounce', async () => {
    const parse = vi.spyOn(PostalMime.prototype, 'parse');
    const r = await ndrReader.read({ name: 'nested.eml', bytes: nestedBounce(12) }, { limits: DEFAULT_LIMITS });
    expect(parse.mock.calls.length).toBeLessThanOrEqual(3);
    expect(r.ok && r.value.items).toBe(1);
  });
});
