/**
 * Turns the bytes of an XML export into text. PowerShell 5's `>` writes UTF-16LE with a BOM, cmd and
 * Event Viewer write UTF-8; a UTF-16 file without a BOM shows as NULs in every second byte.
 */
export function decodeXmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.length >= 4 && bytes[0] === 0x3c && bytes[1] === 0 && bytes[3] === 0) return new TextDecoder('utf-16le').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Resolves the five predefined entities and character references. The XML parser is run with entity
 * processing off, so nothing declared in a document can ever be expanded; unknown references stay as text.
 */
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/** True when the document declares a DTD or entities; such input is refused, never parsed. */
export function declaresDtd(text: string): boolean {
  return /<!DOCTYPE|<!ENTITY/i.test(text);
}

/** What a linear scan of the tags says about a document, before any parser sees it. */
export interface TagScan {
  readonly maxDepth: number;
  /** Every end tag closes the element opened last, and every element is closed. */
  readonly balanced: boolean;
}

/** A tag name: what follows `<` or `</` up to whitespace, `/` or `>`. Sticky, one class: no backtracking. */
const NAME = /[^\s/>]+/y;

/**
 * Scans the tags once (comments, CDATA and declarations skipped): the deepest nesting, so a hostile document
 * is refused without building its tree, and whether the tags balance, since the XML parser is lenient about
 * unclosed elements and its separate validator is slow on large input.
 *
 * Hand-written with indexOf rather than one regex: a regex retried at every `<` rescans to the end of the text
 * when a comment or tag is never closed, which made such documents quadratic (or worse). Here every search
 * either moves past what it found or is remembered to have failed, so the scan is linear. It accepts exactly
 * what the regex `<!--…-->|<![CDATA[…]]>|<[?!][^>]*>|<(/?)([^\s/>]+)[^>]*?(/?)>` did.
 */
export function scanTags(text: string): TagScan {
  const stack: string[] = [];
  let max = 0;
  let balanced = true;
  let gt = -1; // the first '>' after the current '<'; still valid for every '<' before it
  let commentEnds = true; // false once no '-->' is left, so an unclosed comment is searched for only once
  let cdataEnds = true;
  for (let p = text.indexOf('<'); p !== -1; ) {
    let end = -1; // where the markup starting at p ends, or -1 when p starts none
    if (commentEnds && text.startsWith('<!--', p)) {
      const e = text.indexOf('-->', p + 4);
      if (e === -1) commentEnds = false;
      else end = e + 3;
    } else if (cdataEnds && text.startsWith('<![CDATA[', p)) {
      const e = text.indexOf(']]>', p + 9);
      if (e === -1) cdataEnds = false;
      else end = e + 3;
    }
    if (end === -1) {
      if (gt < p) gt = text.indexOf('>', p + 1);
      if (gt === -1) break; // every form ends in '>': nothing from here on can be markup
      const c = text[p + 1];
      if (c === '?' || c === '!') end = gt + 1;
      else {
        const closing = c === '/';
        NAME.lastIndex = p + (closing ? 2 : 1);
        const name = NAME.exec(text)?.[0];
        if (name !== undefined) {
          end = gt + 1;
          if (closing) {
            if (stack.pop() !== name) balanced = false;
          } else if (text[gt - 1] !== '/') {
            stack.push(name);
            if (stack.length > max) max = stack.length;
          }
        }
      }
    }
    p = text.indexOf('<', end === -1 ? p + 1 : end);
  }
  return { maxDepth: max, balanced: balanced && stack.length === 0 };
}
