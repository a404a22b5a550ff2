import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, utf8TextPieces } from '../../shared/smtp/text';

// Issue 19: a log header followed by 300 MB without a line feed was recognised (its head is a real log) and
// then held as one string: 1 GB peak. A streamed line is kept to its first MAX_LINE_BYTES.

/** A header line, then `size` bytes of one line, in 64 KiB pieces from one reused buffer (as the CLI reads). */
function pieces(size: number) {
  return (visit: (piece: Uint8Array) => boolean | void) => {
    visit(new TextEncoder().encode('#Log-Type: SMTP Send Protocol Log\n'));
    const buffer = new Uint8Array(64 * 1024).fill(0x41);
    for (let at = 0; at < size; at += buffer.length) visit(buffer);
    visit(new TextEncoder().encode('\nlast line\n'));
  };
}

describe('utf8TextPieces on a line without end', () => {
  it('keeps the first MAX_LINE_BYTES of an 8 MiB line and every line after it', () => {
    const texts: string[] = [];
    utf8TextPieces(pieces(8 * 1024 * 1024))((text) => texts.push(text));
    const lines = texts.join('').split('\n');
    expect(lines[0]).toBe('#Log-Type: SMTP Send Protocol Log');
    expect(lines[1]?.length).toBe(MAX_LINE_BYTES);
    expect(lines[2]).toBe('last line');
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(MAX_LINE_BYTES + 64 * 1024);
  });
});
