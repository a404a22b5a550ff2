import { describe, expect, it } from 'vitest';
import { encodePs1, ScriptWriter } from '../../../../shared/powershell/script-writer';

describe('ScriptWriter', () => {
  it('quotes interpolated strings and renders lists, numbers and booleans as literals', () => {
    const w = new ScriptWriter();
    w.line`Set-X -Name ${"it's"} -Ids ${['a', 'b']} -Count ${3} -Enabled ${true}`;
    const r = w.finish();
    expect(r.ok && r.value).toBe("Set-X -Name 'it''s' -Ids @('a', 'b') -Count 3 -Enabled $true\r\n");
  });

  it('indents lines between open and close', () => {
    const w = new ScriptWriter();
    w.open`if ($true) {`.line`Write-Host ${'x'}`.close`}`;
    const r = w.finish();
    expect(r.ok && r.value).toBe("if ($true) {\r\n    Write-Host 'x'\r\n}\r\n");
  });

  it('fails with the quoting error when a value holds NUL', () => {
    const w = new ScriptWriter();
    w.line`Write-Host ${'a\u0000'}`;
    const r = w.finish();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('ps.quote.controlCharacter');
  });

  it('fails for a non-integer number rather than printing 1e+21 or NaN', () => {
    const w = new ScriptWriter();
    w.line`Start-Sleep -Seconds ${Number.NaN}`;
    expect(w.finish().ok).toBe(false);
  });

  it('keeps a line break in a comment from ending it: spelled out, one line', () => {
    const w = new ScriptWriter();
    w.comment('one\nRemove-Item x\u2028y\rz');
    const r = w.finish();
    expect(r.ok && r.value).toBe('# one<U+000A>Remove-Item x<U+2028>y<U+000D>z\r\n');
  });
});

describe('encodePs1', () => {
  it('writes a UTF-8 BOM and CRLF only', () => {
    const bytes = encodePs1('a\nb\r\nč\r');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('a\r\nb\r\nč\r\n');
  });
});
