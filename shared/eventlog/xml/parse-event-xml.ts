import { XMLParser } from 'fast-xml-parser';
import { err, ok, type Result } from '../../result';
import type { InputError } from '../../model/input';
import type { EventNode, EventRecord } from '../types';
import { recordFromTree } from '../record-from-tree';
import { declaresDtd, scanTags, unescapeXml } from './decode-text';

/** fast-xml-parser's preserveOrder shape: one key naming the element (or #text), attributes under ":@". */
type OrderedNode = Record<string, unknown>;

function toNode(entry: OrderedNode): EventNode | string | null {
  const name = Object.keys(entry).find((k) => k !== ':@');
  if (name === undefined) return null;
  if (name === '#text') return unescapeXml(String(entry[name]));
  const attributes: Record<string, string> = {};
  const rawAttrs = (entry[':@'] ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(rawAttrs)) if (k !== 'xmlns' && !k.startsWith('xmlns:')) attributes[k] = unescapeXml(String(v));
  const children: EventNode[] = [];
  let text: string | undefined;
  for (const c of (entry[name] ?? []) as OrderedNode[]) {
    const n = toNode(c);
    if (typeof n === 'string') text = (text ?? '') + n;
    else if (n) children.push(n);
  }
  return text === undefined ? { name, attributes, children } : { name, attributes, children, text };
}

export interface ParsedEventXml {
  readonly records: EventRecord[];
  /** <Event> elements without a usable System element. */
  readonly damaged: number;
}

/**
 * Parses Event Viewer XML: a saved file (<Events> root), a single <Event>, or `wevtutil qe /f:xml` output (a
 * run of <Event> elements with no root, wrapped here before parsing). DTDs and entity declarations are
 * refused before the parser sees them (input.unsafeXml) and entity processing is off, so nothing is ever
 * expanded; nesting beyond `maxDepth` is refused (input.tooDeep).
 */
export function parseEventXml(text: string, maxDepth: number): Result<ParsedEventXml, InputError> {
  if (declaresDtd(text)) return err({ code: 'input.unsafeXml' });
  const body = text.replace(/<\?xml[^>]*\?>/g, '').trim();
  const wrapped = /^<(\w+:)?Events[\s>]/.test(body) ? body : `<Events>${body}</Events>`;
  const scan = scanTags(wrapped);
  if (scan.maxDepth > maxDepth) return err({ code: 'input.tooDeep', params: { limit: maxDepth } });
  if (!scan.balanced) return err({ code: 'input.damaged' });
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    trimValues: true,
    maxNestedTags: maxDepth + 2,
  });
  let parsed: OrderedNode[];
  try {
    // No separate validation pass: the parser itself throws on broken markup, and the validator was the slow
    // half on large or hostile input (fuzzing found 2 s on a 4 MB file with one unclosed quote).
    parsed = parser.parse(wrapped) as OrderedNode[];
  } catch {
    return err({ code: 'input.damaged' });
  }
  const root = parsed.map(toNode).find((n): n is EventNode => typeof n === 'object' && n !== null);
  const events = root?.name === 'Events' ? root.children.filter((c) => c.name === 'Event') : [];
  if (events.length === 0) return err({ code: 'input.unrecognized' });
  const records: EventRecord[] = [];
  let damaged = 0;
  for (const e of events) {
    const r = recordFromTree(e);
    if (r) records.push(r);
    else damaged++;
  }
  return ok({ records, damaged });
}
