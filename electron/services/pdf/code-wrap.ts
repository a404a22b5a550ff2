/**
 * Long PowerShell lines in the PDF guide (issue 21 item 6): a line that does not fit is never broken inside
 * a string (a quoted path or thumbprint split in two no longer runs). The font shrinks first; a line still
 * too long is wrapped at a space outside strings and comments with PowerShell's own line continuation, a
 * backtick at the end of the line: visible on paper, and what is copied from the PDF still runs as one
 * command. A value that cannot fit even so (one huge quoted string) is printed smaller instead (layout.ts).
 */

/** The continuation mark: PowerShell joins the next line when a line ends in a backtick. */
export const CONTINUATION = ' `';
/** Continued lines are indented so the eye sees they belong to the line above. */
export const CONTINUATION_INDENT = '    ';

/**
 * Indexes of the spaces where a PowerShell line may be continued: outside '…' and "…" strings (with their
 * '' and `" escapes) and before any # comment, which runs to the end of the line and would swallow the mark.
 */
export function breakPoints(line: string): number[] {
  const points: number[] = [];
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === '"' && c === '`') {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) {
        if (line[i + 1] === quote) i++;
        else quote = null;
      }
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '`') i++;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) break;
    else if (c === ' ' && i > 0 && line[i - 1] !== ' ' && !/^\s*$/.test(line.slice(0, i))) points.push(i);
  }
  return points;
}

/**
 * The line as printed lines that each fit `width` (measured by `measure`), continued with CONTINUATION.
 * A piece between two break points that is wider than `width` is kept whole (the caller shrinks the font).
 */
export function wrapLine(line: string, width: number, measure: (text: string) => number): string[] {
  if (measure(line) <= width) return [line];
  const out: string[] = [];
  let rest = line;
  let prefix = '';
  for (;;) {
    const text = prefix + rest;
    if (measure(text) <= width) {
      out.push(text);
      return out;
    }
    const points = breakPoints(rest);
    const fits = points.filter((p) => measure(prefix + rest.slice(0, p) + CONTINUATION) <= width);
    const at = fits.length ? fits[fits.length - 1] : points[0];
    if (at === undefined) {
      out.push(text);
      return out;
    }
    out.push(prefix + rest.slice(0, at) + CONTINUATION);
    rest = rest.slice(at + 1);
    prefix = CONTINUATION_INDENT;
  }
}
