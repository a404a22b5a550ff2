import { err, ok, type Result } from '../result';
import { quotePs, safeDisplay, type QuoteError } from './quote';

export type ScriptError = QuoteError | { readonly code: 'ps.value.notInteger'; readonly params: { readonly value: string } };

/** A value that may be interpolated into a line: it is always rendered as a PowerShell literal. */
export type PsValue = string | number | boolean | readonly string[];

/**
 * Builds a script line by line. The template text of `line` is code written by us; every interpolated value
 * goes through `quotePs` (strings), becomes a digit string (finite integers), `$true`/`$false` (booleans)
 * or `@('…','…')` (lists). Call sites never concatenate values into code, so evidence-derived text (a
 * connector name, a subject, a translated message) can never become code.
 */
export class ScriptWriter {
  readonly #lines: string[] = [];
  #depth = 0;
  #error: ScriptError | null = null;

  /** Appends one line at the current indentation. */
  line(strings: TemplateStringsArray, ...values: readonly PsValue[]): this {
    let out = strings[0] ?? '';
    values.forEach((value, i) => {
      out += this.#literal(value) + (strings[i + 1] ?? '');
    });
    this.#lines.push(out.length ? '    '.repeat(this.#depth) + out : '');
    return this;
  }

  /** A line that opens a block (`if (…) {`): following lines are indented until `close`. */
  open(strings: TemplateStringsArray, ...values: readonly PsValue[]): this {
    this.line(strings, ...values);
    this.#depth += 1;
    return this;
  }

  close(strings: TemplateStringsArray, ...values: readonly PsValue[]): this {
    this.#depth = Math.max(0, this.#depth - 1);
    return this.line(strings, ...values);
  }

  /** A line between two blocks (`} else {`): dedented, and the lines after it indented again. */
  mid(strings: TemplateStringsArray, ...values: readonly PsValue[]): this {
    this.close(strings, ...values);
    this.#depth += 1;
    return this;
  }

  blank(): this {
    this.#lines.push('');
    return this;
  }

  /**
   * A `#` comment; the text is ours or translated, never code. A control character in it (a report's
   * timestamp from a case file could hold one) is spelled out as `<U+XXXX>`, so it can neither end the
   * comment nor stop the pack from being written.
   */
  comment(text: string): this {
    return this.line([`# ${safeDisplay(text)}`] as unknown as TemplateStringsArray);
  }

  /** The script text with CRLF line ends, or the first value that could not be quoted. */
  finish(): Result<string, ScriptError> {
    if (this.#error) return err(this.#error);
    return ok(this.#lines.join('\r\n') + '\r\n');
  }

  #fail(e: ScriptError): void {
    this.#error ??= e;
  }

  #literal(value: PsValue): string {
    if (typeof value === 'boolean') return value ? '$true' : '$false';
    if (typeof value === 'number') {
      if (Number.isSafeInteger(value)) return String(value);
      this.#fail({ code: 'ps.value.notInteger', params: { value: String(value) } });
      return '0';
    }
    if (typeof value === 'string') return this.#quoted(value);
    return `@(${value.map((v) => this.#quoted(v)).join(', ')})`;
  }

  #quoted(value: string): string {
    const q = quotePs(value);
    if (q.ok) return q.value;
    this.#fail(q.error);
    return "''";
  }
}

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * Encodes a script as Windows PowerShell 5.1 needs it: UTF-8 with a BOM (without one it reads the file in
 * the ANSI code page and Czech text breaks the parse, domain.md §7.3) and CRLF line ends only.
 */
export function encodePs1(text: string): Uint8Array {
  const crlf = text.replace(/\r\n/g, '\n').replace(/\r/g, '\n').replace(/\n/g, '\r\n');
  const body = new TextEncoder().encode(crlf.startsWith('\uFEFF') ? crlf.slice(1) : crlf);
  const out = new Uint8Array(BOM.length + body.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}
