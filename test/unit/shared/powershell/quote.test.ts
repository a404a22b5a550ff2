import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quotePs } from '../../../../shared/powershell/quote';

/** Reads a PowerShell single-quoted literal back the way the tokenizer does (any of the 5 quotes doubles). */
function unquote(literal: string): string {
  const isQuote = (c: string | undefined) => c !== undefined && "'\u2018\u2019\u201A\u201B".includes(c);
  expect(isQuote(literal[0])).toBe(true);
  let out = '';
  let i = 1;
  for (;;) {
    const c = literal[i];
    if (c === undefined) throw new Error('unterminated literal');
    if (isQuote(c)) {
      if (isQuote(literal[i + 1])) {
        out += c;
        i += 2;
        continue;
      }
      expect(i).toBe(literal.length - 1);
      return out;
    }
    out += c;
    i += 1;
  }
}

const value = (s: string) => {
  const r = quotePs(s);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('quotePs', () => {
  it('wraps plain text in single quotes', () => {
    expect(value('Outbound to Office 365')).toBe("'Outbound to Office 365'");
  });

  it('doubles the ASCII apostrophe', () => {
    expect(value("O'Brien")).toBe("'O''Brien'");
  });

  it('doubles each typographic single quote PowerShell also ends strings on', () => {
    expect(value('a\u2018b\u2019c\u201Ad\u201Be')).toBe("'a\u2018\u2018b\u2019\u2019c\u201A\u201Ad\u201B\u201Be'");
  });

  it('leaves $, backtick, double quotes and $( ) alone because single-quoted strings expand nothing', () => {
    expect(value('$(Remove-Item C:\\ -Recurse) `n "x" @{}')).toBe("'$(Remove-Item C:\\ -Recurse) `n \"x\" @{}'");
  });

  it('keeps Czech and other non-ASCII text unchanged', () => {
    expect(value('Zprostředkující certifikační autority')).toBe("'Zprostředkující certifikační autority'");
  });

  it('quotes the empty string', () => {
    expect(value('')).toBe("''");
  });

  it('refuses NUL with its position', () => {
    const r = quotePs('ab\u0000c');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ code: 'ps.quote.controlCharacter', params: { position: 2, codePoint: 'U+0000' } });
  });

  it('refuses line breaks (CR, LF, NEL, LS, PS) that would split a generated line', () => {
    for (const c of ['\r', '\n', '\u0085', '\u2028', '\u2029']) expect(quotePs(`a${c}b`).ok, JSON.stringify(c)).toBe(false);
  });

  it('accepts a tab', () => {
    expect(value('a\tb')).toBe("'a\tb'");
  });

  it('round-trips any text without control characters through the tokenizer rule', () => {
    const safe = fc.string({ unit: 'grapheme' }).filter((s) => !/[\u0000-\u0008\u000A-\u001F\u007F\u0085\u2028\u2029]/.test(s));
    const quotey = fc.array(fc.constantFrom("'", '\u2018', '\u2019', '\u201A', '\u201B', 'a', '$', '`', ' ')).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(safe, quotey), (s) => {
        expect(unquote(value(s))).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});
