import { describe, expect, it } from 'vitest';
import { format } from '../../../../shared/i18n/format';
import { formatList } from '../../../../shared/i18n/lists';

// ICU keeps a one-letter conjunction with the next word by a no-break space (Czech "a", Polish "i"): compare words.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('lists joined per language (issue 21 item 5)', () => {
  it('joins names with the language’s own conjunction', () => {
    const servers = ['EX01', 'EX02', 'EX03'];
    expect(plain(formatList('en', servers))).toBe('EX01, EX02, and EX03');
    expect(plain(formatList('cs', servers))).toBe('EX01, EX02 a EX03');
    expect(plain(formatList('de', servers))).toBe('EX01, EX02 und EX03');
    expect(plain(formatList('fr', servers))).toBe('EX01, EX02 et EX03');
    expect(plain(formatList('es', servers))).toBe('EX01, EX02 y EX03');
    expect(plain(formatList('pl', servers))).toBe('EX01, EX02 i EX03');
  });

  it('joins addresses without a conjunction when asked for a unit list', () => {
    expect(formatList('en', ['http://a/ca.crt', 'http://b/ca.crt'], 'unit')).toBe('http://a/ca.crt, http://b/ca.crt');
  });

  it('a list param in a catalog message reads as the language joins it, not as "a, b"', () => {
    const what = [format('cs', 'verdict.collect.capi2Events'), format('cs', 'verdict.collect.sendProtocolLog')];
    const text = plain(format('cs', 'verdict.next.collect', { what }));
    expect(text).toContain(`${what[0]} a ${what[1]}`);
    expect(text).not.toContain(`${what[0]}, ${what[1]}`);
  });
});
