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

/**
 * Scans the tags once (comments, CDATA and declarations skipped): the deepest nesting, so a hostile document
 * is refused without building its tree, and whether the tags balance, since the XML parser is lenient about
 * unclosed elements and its separate validator is slow on large input.
 */
export function scanTags(text: string): TagScan {
  const stack: string[] = [];
  let max = 0;
  let balanced = true;
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)([^\s/>]+)[^>]*?(\/?)>/g;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    if (m[2] === undefined) continue;
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) balanced = false;
    } else if (m[3] !== '/') {
      stack.push(m[2]);
      if (stack.length > max) max = stack.length;
    }
  }
  return { maxDepth: max, balanced: balanced && stack.length === 0 };
}
