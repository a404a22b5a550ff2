/**
 * Bytes → text for logs, NDRs and cmdlet output. Windows PowerShell 5.1 writes `>` redirections as UTF-16LE
 * with a BOM, Exchange writes UTF-8 (sometimes with a BOM), so both are recognised; anything else is read as
 * UTF-8 with replacement characters rather than refused.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (looksUtf16le(bytes)) return new TextDecoder('utf-16le').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** UTF-16LE without a BOM: ASCII text with a zero in every odd byte. */
function looksUtf16le(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return false;
  let zeros = 0;
  for (let i = 1; i < n; i += 2) if (bytes[i] === 0) zeros++;
  return zeros > (n / 2) * 0.9;
}

/** The first `max` bytes as text, for sniffing (cheap on gigabyte logs). */
export function headText(bytes: Uint8Array, max = 8192): string {
  return decodeText(bytes.subarray(0, Math.min(bytes.length, max)));
}

/** Splits text into lines, accepting LF, CRLF and lone CR line ends. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

const CHUNK = 8 * 1024 * 1024;

/**
 * Calls `fn` with the text in pieces that end at line ends, without building one giant string: UTF-8 input
 * is decoded in chunks cut at line feeds (a 0x0A byte never sits inside a multi-byte UTF-8 sequence), so
 * gigabyte logs stay within V8's string limits. UTF-16 input is decoded whole.
 */
export function forEachChunk(bytes: Uint8Array, fn: (text: string, last: boolean) => void): void {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksUtf16le(bytes);
  if (utf16 || bytes.length <= CHUNK) {
    fn(decodeText(bytes), true);
    return;
  }
  const decoder = new TextDecoder('utf-8');
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length) {
    let end = Math.min(start + CHUNK, bytes.length);
    if (end < bytes.length) {
      const nl = bytes.indexOf(0x0a, end);
      end = nl < 0 ? bytes.length : nl + 1;
    }
    fn(decoder.decode(bytes.subarray(start, end)), end >= bytes.length);
    start = end;
  }
}

/** Longest line a streamed log keeps; real log lines are a few kilobytes at most. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** Whether a file starts like UTF-16 text (a BOM, or ASCII with a zero in every odd byte). */
export function isUtf16(head: Uint8Array): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || looksUtf16le(head);
}

/**
 * UTF-8 bytes arriving in pieces, as text pieces that end at line ends (the last one may not). Each piece is
 * cut at line feeds (a 0x0A byte never sits inside a multi-byte UTF-8 sequence): the line that straddles two
 * pieces is joined and decoded on its own, the rest of a piece is decoded in place, so no piece is copied.
 * A line longer than a piece waits in a list and is joined once its end arrives, so even a file without line
 * feeds is decoded in linear time. TextDecoder drops a UTF-8 BOM. A line is kept to its first MAX_LINE_BYTES
 * (issue 19: 300 MB without a line feed after a valid log header grew to one 1 GB string).
 */
export function utf8TextPieces(source: (visit: (piece: Uint8Array) => boolean | void) => void): (visit: (text: string, last: boolean) => void) => void {
  return (visit) => {
    const decoder = new TextDecoder('utf-8');
    let waiting: Uint8Array[] = [];
    let waitingBytes = 0;
    source((bytes) => {
      const cut = bytes.lastIndexOf(0x0a) + 1;
      if (cut === 0) {
        // The source may reuse its buffer for the next piece: what waits is copied (with the constructor:
        // a Node Buffer's slice() is a view). Past MAX_LINE_BYTES the rest of the line is dropped.
        const keep = bytes.subarray(0, Math.max(0, MAX_LINE_BYTES - waitingBytes));
        if (keep.byteLength > 0) waiting.push(new Uint8Array(keep));
        waitingBytes += keep.byteLength;
        return;
      }
      let from = 0;
      if (waiting.length > 0) {
        from = bytes.indexOf(0x0a) + 1;
        visit(decoder.decode(join([...waiting, bytes.subarray(0, from)])), false);
      }
      if (from < cut) visit(decoder.decode(bytes.subarray(from, cut)), false);
      waiting = cut < bytes.length ? [new Uint8Array(bytes.subarray(cut, cut + MAX_LINE_BYTES))] : [];
      waitingBytes = waiting[0]?.byteLength ?? 0;
    });
    visit(decoder.decode(join(waiting)), true);
  };
}

function join(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * A log's text, visited in pieces that end at line ends (the last one may not); callable more than once.
 * `bytesSource` serves an in-memory file; utf8TextPieces serves a file arriving in pieces.
 */
export type TextSource = (visit: (text: string, last: boolean) => void) => void;

export function bytesSource(bytes: Uint8Array): TextSource {
  return (visit) => forEachChunk(bytes, visit);
}

/** Calls `fn` for every line (1-based numbers), piece by piece. */
export function forEachTextLine(read: TextSource, fn: (line: string, lineNo: number) => void): void {
  let lineNo = 0;
  read((text, last) => {
    const lines = splitLines(text);
    // A piece ending in a line feed yields a trailing empty string that is not a line of its own.
    if (!last && lines.at(-1) === '') lines.pop();
    for (const line of lines) fn(line, ++lineNo);
  });
}


/**
 * A copy that shares no memory with the text it was cut from. V8 keeps a whole decoded chunk (8 MB) alive for
 * as long as any slice of it lives, so a kept line or session id would otherwise pin its chunk.
 */
export function ownCopy(s: string): string {
  return (s + ' ').slice(0, -1);
}
