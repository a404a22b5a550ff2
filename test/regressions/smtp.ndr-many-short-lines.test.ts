import { readFileSync } from 'node:fs';
import PostalMime from 'postal-mime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../../shared/model/input';
import { MAX_MIME_LINES } from '../../shared/smtp/ndr/eml';
import { ndrReader } from '../../shared/smtp/readers';

const file = (path: string) => new Uint8Array(readFileSync(new URL(path, import.meta.url)));
const ONPREM = readFileSync(new URL('../fixtures/ndr/exchange-onprem-5.7.64.eml', import.meta.url), 'utf8');
const BOUNDARY = '--_000_9f2c1a7e0001EX01contosocom_';

async function messages(name: string, bytes: Uint8Array) {
  const r = await ndrReader.read({ name, bytes }, { limits: DEFAULT_LIMITS });
  if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
  return r.value.evidence.flatMap((e) => (e.kind === 'ndr' ? e.messages : []));
}

/** Lines in what postal-mime was handed, per call. */
function linesParsed(parse: { mock: { calls: unknown[][] } }): number[] {
  return parse.mock.calls.map(([input]) => new Uint8Array(input as ArrayBuffer).filter((b) => b === 10).length);
}

afterEach(() => vi.restoreAllMocks());

// postal-mime joins a 7bit/8bit body through a Blob of two pieces per line, ~15 µs a line: the fuzzer's bounce
// of 250,000 `--b--` lines (1.7 MB) took 3–7 s inside the library. readEml now hands it MAX_MIME_LINES lines
// and reads the rest as raw text.
describe('NDR reader on a bounce of very many lines', () => {
  it('parses the fuzzed bounce as MIME only up to the line bound and still finds its delivery status', async () => {
    const parse = vi.spyOn(PostalMime.prototype, 'parse');
    const [message] = await messages('rhost-franceptt-04.eml', file('../fuzz/fixed/smtp.ndr-a9f6f6ed8d46.bin'));
    expect(Math.max(...linesParsed(parse))).toBeLessThanOrEqual(MAX_MIME_LINES);
    // The spliced-in DSN block lies 256,000 lines down, past the bound: found in the raw-text pass.
    expect(message).toMatchObject({
      reportingMta: 'nijo.libsisimai.org',
      statusCodes: ['5.2.0'],
      recipients: [{ recipient: 'otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp', status: '5.2.0', action: 'failed' }],
    });
  });

  it('reads a bounce with a long returned message as it reads the bounce alone', async () => {
    const returned = ['Content-Type: message/rfc822', '', 'Subject: Nightly report', '', ...Array<string>(100_000).fill('row;ok')];
    const long = ONPREM.replace(`${BOUNDARY}--`, `${BOUNDARY}\n${returned.join('\n')}\n${BOUNDARY}--`);
    expect(await messages('long.eml', new TextEncoder().encode(long))).toEqual(await messages('onprem.eml', new TextEncoder().encode(ONPREM)));
  });

  it('still reads the delivery-status part when a long readable part pushes it past the bound', async () => {
    const filler = Array<string>(MAX_MIME_LINES + 10).fill('Original message headers:').join('\n');
    const pushed = ONPREM.replace(`${BOUNDARY}\nContent-Type: message/delivery-status`, `${filler}\n${BOUNDARY}\nContent-Type: message/delivery-status`);
    const [message] = await messages('pushed.eml', new TextEncoder().encode(pushed));
    const [alone] = await messages('onprem.eml', new TextEncoder().encode(ONPREM));
    expect(message?.statusCodes).toEqual(alone?.statusCodes);
    expect(message?.recipients).toEqual(alone?.recipients);
    expect(message?.reportingMta).toBe(alone?.reportingMta);
  });
});
