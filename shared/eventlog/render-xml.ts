import type { EventNode, EventRecord } from './types';

export const EVENT_NAMESPACE = 'http://schemas.microsoft.com/win/2004/08/events/event';

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

function attrs(a: Readonly<Record<string, string>>): string {
  let s = '';
  for (const [k, v] of Object.entries(a)) s += ` ${k}="${escapeAttr(v)}"`;
  return s;
}

function renderNode(node: EventNode, indent: string, out: string[]): void {
  const open = `${indent}<${node.name}${attrs(node.attributes)}`;
  if (node.children.length === 0) {
    out.push(node.text === undefined || node.text === '' ? `${open} />` : `${open}>${escapeText(node.text)}</${node.name}>`);
    return;
  }
  out.push(`${open}>${node.text ? escapeText(node.text) : ''}`);
  for (const c of node.children) renderNode(c, `${indent}  `, out);
  out.push(`${indent}</${node.name}>`);
}

/** Rebuilds the System element from the flat `Element` / `Element@Attr` map, in its original order. */
export function systemNode(system: Readonly<Record<string, string>>): EventNode {
  const children: Array<{ name: string; attributes: Record<string, string>; children: EventNode[]; text?: string }> = [];
  for (const [key, value] of Object.entries(system)) {
    const at = key.indexOf('@');
    if (at < 0) children.push(value === '' ? { name: key, attributes: {}, children: [] } : { name: key, attributes: {}, children: [], text: value });
    else {
      const el = children.findLast((c) => c.name === key.slice(0, at));
      if (el) el.attributes[key.slice(at + 1)] = value;
    }
  }
  return { name: 'System', attributes: {}, children };
}

/** The record as Event Viewer's "XML View" shows it (two-space indentation, empty elements self-closed). */
export function renderEventXml(record: EventRecord): string {
  const out: string[] = [`<Event xmlns="${EVENT_NAMESPACE}">`];
  renderNode(systemNode(record.system), '  ', out);
  if (record.data) renderNode(record.data, '  ', out);
  out.push('</Event>');
  return out.join('\n');
}
