import type { EventNode } from '../types';
import { isElement, isResolved, type Piece, type TemplateContent, type TemplateElement, type Value } from './template-tree';

function pieceText(piece: Piece, values: readonly Value[]): string | null {
  if (typeof piece === 'string') return piece;
  const v = values[piece.sub];
  if (v === null || v === undefined) return piece.optional ? null : '';
  return typeof v === 'string' ? v : '';
}

export function attributeValue(pieces: readonly Piece[], values: readonly Value[]): string | null {
  if (pieces.length === 1) return pieceText(pieces[0] as Piece, values);
  let s = '';
  let any = pieces.length === 0;
  for (const p of pieces) {
    const t = pieceText(p, values);
    if (t !== null) {
      s += t;
      any = true;
    }
  }
  return any ? s : null;
}

/**
 * Fills a template with one record's substitution values, giving the plain element tree. Nested BinXML
 * values become child elements; other values become text, as Event Viewer renders them. `skip` leaves one
 * child element out (the System element, which the record reader flattens directly).
 */
export function instantiate(el: TemplateElement, values: readonly Value[], skip?: TemplateElement): EventNode {
  // Most elements have no attributes or no children: they share one frozen empty object or array (about a
  // tenth less memory and garbage per CAPI2 event).
  let attributes: Record<string, string> = EMPTY_ATTRIBUTES;
  for (const a of el.attributes) {
    const v = attributeValue(a.value, values);
    if (v === null) continue;
    if (attributes === EMPTY_ATTRIBUTES) attributes = {};
    attributes[a.name] = v;
  }
  let children: EventNode[] = EMPTY_CHILDREN;
  const add = (n: EventNode) => (children === EMPTY_CHILDREN ? (children = [n]) : children.push(n));
  let text: string | undefined;
  for (const c of el.content) {
    if (typeof c === 'string') text = (text ?? '') + c;
    else if (isElement(c)) {
      if (c !== skip) add(instantiate(c, values));
    } else if (isResolved(c)) c.nodes.forEach(add);
    else {
      const v = values[c.sub];
      if (typeof v === 'string') text = (text ?? '') + v;
      else if (v) v.forEach(add);
    }
  }
  return text === undefined ? { name: el.name, attributes, children } : { name: el.name, attributes, children, text };
}

const EMPTY_ATTRIBUTES = Object.freeze({}) as Record<string, string>;
const EMPTY_CHILDREN = Object.freeze([]) as unknown as EventNode[];

/** Instantiates a list of top-level template contents (usually one root element). */
export function instantiateAll(content: readonly TemplateContent[], values: readonly Value[]): EventNode[] {
  const out: EventNode[] = [];
  for (const c of content) {
    if (isElement(c)) out.push(instantiate(c, values));
    else if (isResolved(c)) out.push(...c.nodes);
    else if (typeof c !== 'string') {
      const v = values[c.sub];
      if (v && typeof v !== 'string') out.push(...v);
    }
  }
  return out;
}
