import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../shared/model/input';
import { parseClixml } from '../../shared/settings/formats/clixml';
import { settingsReader } from '../../shared/settings/reader';

// Fuzzing found a 4 MB Export-Clixml file that took 94 s: the nesting-depth pre-check used a regex that read
// to the end of the file from every `<` without a `>` after it.
describe('CLIXML depth check', () => {
  it('refuses a file of 200,000 unclosed tags', () => {
    const text = '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">' + '<a'.repeat(200_000);
    const result = parseClixml(text, 64);
    expect(result.ok).toBe(false);
  });

  it('still counts nesting depth the way the parser sees it', () => {
    const nested = (n: number) => '<Objs>' + '<Obj><MS>'.repeat(n) + '</MS></Obj>'.repeat(n) + '</Objs>';
    expect(parseClixml(nested(40), 64)).toEqual({ ok: false, code: 'input.tooDeep' });
    const selfClosing = '<Objs>' + '<Nil />'.repeat(1000) + '</Objs>';
    expect(parseClixml(selfClosing, 4).ok).toBe(true);
  });

  // The fuzzed file itself (cut to 1 MiB): Export-Clixml whose <ToString> runs into 10,061
  // `</ToireTLS` end tags in Format-List text that no `>` ever closes. The old regex took 8 s on this cut.
  it('answers the fuzzed Export-Clixml cut with unclosed end tags as damaged', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fuzz/fixed/settings.cmdletOutput-4c5a2b254761.bin', import.meta.url)));
    const r = await settingsReader.read({ name: 'get-exchangecertificate.clixml.xml', bytes }, { limits: DEFAULT_LIMITS });
    expect(r.ok ? 'ok' : r.error.code).toBe('input.damaged');
  });
});
