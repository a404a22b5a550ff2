import { XMLParser } from 'fast-xml-parser';
import type { RawRecord, RawValue } from '../record';

/** Why a CLIXML file was refused, as an input error code. */
export type ClixmlRefusal = 'input.unsafeXml' | 'input.tooDeep' | 'input.damaged';

type Node = Record<string, unknown>;

const SCALARS = new Set(['S', 'B', 'I16', 'I32', 'I64', 'U16', 'U32', 'U64', 'By', 'SB', 'Db', 'Sg', 'D', 'DT', 'G', 'URI', 'Version', 'C', 'TS', 'XD', 'SS', 'BA']);
const LISTS = ['LST', 'IE', 'STK', 'QUE'];

/** A DTD or entity declaration is refused before any parser sees it (findings.md input.unsafeXml). */
export function isUnsafeXml(text: string): boolean {
  return /<!DOCTYPE|<!ENTITY/i.test(text);
}

const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * The deepest element nesting in `text`, counted before parsing so a hostile file is refused as
 * input.tooDeep. A linear scan: the first `>` after a `<` is remembered, so markup that is never closed is
 * searched once, not once per `<` (a regex here was quadratic on a fuzzed 4 MB file).
 */
function depthOf(text: string): number {
  let depth = 0;
  let max = 0;
  let gt = -1;
  for (let p = text.indexOf('<'); p !== -1; p = text.indexOf('<', p + 1)) {
    if (gt < p) {
      gt = text.indexOf('>', p);
      if (gt === -1) break;
    }
    const closing = text.charCodeAt(p + 1) === 47;
    if (!isNameStart(text.charCodeAt(closing ? p + 2 : p + 1))) continue;
    if (closing) depth--;
    else if (text.charCodeAt(gt - 1) !== 47) max = Math.max(max, ++depth);
    p = gt;
  }
  return max;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  parseTagValue: false,
  trimValues: false,
  isArray: () => true,
});

/** Attributes come back as arrays too (the parser is told every name may repeat). */
function attr(node: Node, name: string): string | undefined {
  const v = node[`@${name}`];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : undefined;
}

function text(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object') return String((node as Node)['#text'] ?? '');
  return '';
}

function children(node: Node): Array<{ tag: string; value: Node | string }> {
  const out: Array<{ tag: string; value: Node | string }> = [];
  for (const [tag, list] of Object.entries(node)) {
    if (tag.startsWith('@') || tag === '#text' || !Array.isArray(list)) continue;
    for (const value of list) out.push({ tag, value: value as Node | string });
  }
  return out;
}

function scalar(tag: string, value: Node | string): RawValue {
  const s = text(value);
  if (tag === 'B') return s.trim().toLowerCase() === 'true';
  if (/^(I16|I32|I64|U16|U32|U64|By|SB|Db|Sg|D)$/.test(tag)) return Number(s);
  return s;
}

/** An `<Obj>`: a list (`<LST>` …), a dictionary, or an object with `<Props>`/`<MS>`, else its `<ToString>`. */
function objValue(node: Node, typeNames: Map<string, string>): RawValue {
  for (const kind of LISTS) {
    const list = (node[kind] as Node[] | undefined)?.[0];
    if (list) return children(list).map((c) => valueOf(c.tag, c.value, typeNames));
  }
  const props = propsOf(node, typeNames);
  const toString = text((node['ToString'] as unknown[] | undefined)?.[0]);
  // Keep the ToString beside the properties: for an IPRange or an enum it is the only readable form.
  if (props.size > 0) return { ...Object.fromEntries(props), ...(toString ? { ToString: toString } : {}) };
  return toString;
}

function valueOf(tag: string, value: Node | string, typeNames: Map<string, string>): RawValue {
  if (tag === 'Nil') return null;
  if (SCALARS.has(tag)) return scalar(tag, value);
  if (tag === 'Obj' && typeof value === 'object') return objValue(value, typeNames);
  return text(value);
}

function propsOf(node: Node, typeNames: Map<string, string>): Map<string, RawValue> {
  const props = new Map<string, RawValue>();
  for (const holder of ['Props', 'MS']) {
    for (const block of (node[holder] as Node[] | undefined) ?? []) {
      for (const c of children(block)) {
        const name = typeof c.value === 'object' ? attr(c.value, 'N') : undefined;
        if (name) props.set(name, valueOf(c.tag, c.value, typeNames));
      }
    }
  }
  return props;
}

function typeNameOf(node: Node, typeNames: Map<string, string>): string | undefined {
  const tn = (node['TN'] as Node[] | undefined)?.[0];
  if (tn) {
    const first = text((tn['T'] as unknown[] | undefined)?.[0]);
    const id = attr(tn, 'RefId');
    if (id) typeNames.set(id, first);
    return first || undefined;
  }
  const tnRef = (node['TNRef'] as Node[] | undefined)?.[0];
  const ref = tnRef ? attr(tnRef, 'RefId') : undefined;
  return ref ? typeNames.get(ref) : undefined;
}

/** `Export-Clixml` output: `<Objs>` of `<Obj>`, each with a type name and properties. */
export function parseClixml(xml: string, maxDepth: number): { ok: true; records: RawRecord[] } | { ok: false; code: ClixmlRefusal } {
  if (isUnsafeXml(xml)) return { ok: false, code: 'input.unsafeXml' };
  if (depthOf(xml) > maxDepth) return { ok: false, code: 'input.tooDeep' };
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch {
    return { ok: false, code: 'input.damaged' };
  }
  const objs = (doc['Objs'] as Node[] | undefined)?.[0];
  if (!objs) return { ok: false, code: 'input.damaged' };
  const typeNames = new Map<string, string>();
  const records: RawRecord[] = [];
  ((objs['Obj'] as Node[] | undefined) ?? []).forEach((obj, i) => {
    const typeName = typeNameOf(obj, typeNames);
    const named = propsOf(obj, typeNames);
    const props = new Map<string, RawValue>();
    for (const [k, v] of named) props.set(k.toLowerCase(), v);
    // Nested objects register their type names too, so later TNRefs resolve.
    for (const c of children(obj)) if (c.tag === 'Obj' && typeof c.value === 'object') typeNameOf(c.value, typeNames);
    records.push({ props, position: i, ...(typeName ? { typeName } : {}) });
  });
  return { ok: true, records };
}

export function looksLikeClixml(text: string): boolean {
  return /<Objs\b[^>]*schemas\.microsoft\.com\/powershell\/2004\/04/.test(text) || /^\s*(<\?xml[^>]*>\s*)?<Objs\b/.test(text);
}
