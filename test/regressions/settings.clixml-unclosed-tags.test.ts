import { describe, expect, it } from 'vitest';
import { parseClixml } from '../../shared/settings/formats/clixml';

// Fuzzing found a 4 MB Export-Clixml file that took 94 s: the nesting-depth pre-check used a regex that read
// to the end of the file from every `<` without a `>` after it.
describe('CLIXML depth check', () => {
  it('refuses or reads a file of 200,000 unclosed tags in well under a second', () => {
    const text = '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">' + '<a'.repeat(200_000);
    const started = performance.now();
    const result = parseClixml(text, 64);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result.ok).toBe(false);
  });

  it('still counts nesting depth the way the parser sees it', () => {
    const nested = (n: number) => '<Objs>' + '<Obj><MS>'.repeat(n) + '</MS></Obj>'.repeat(n) + '</Objs>';
    expect(parseClixml(nested(40), 64)).toEqual({ ok: false, code: 'input.tooDeep' });
    const selfClosing = '<Objs>' + '<Nil />'.repeat(1000) + '</Objs>';
    expect(parseClixml(selfClosing, 4).ok).toBe(true);
  });
});
