import type { EventNode, EventRecord } from './types';

/** The first child element named `name` (namespace prefixes are already stripped by both parsers). */
export function child(node: EventNode | null | undefined, name: string): EventNode | undefined {
  if (!node) return undefined;
  for (const c of node.children) if (c.name === name) return c;
  return undefined;
}

/** `Element@Attr` keys, built once: every record of a log needs the same few dozen. */
const KEYS = new Map<string, Map<string, string>>();
export function keyOf(el: string, attr: string): string {
  let forEl = KEYS.get(el);
  if (!forEl) KEYS.set(el, (forEl = new Map()));
  let key = forEl.get(attr);
  if (key === undefined) {
    key = `${el}@${attr}`;
    if (forEl.size < 64 && KEYS.size < 256) forEl.set(attr, key);
  }
  return key;
}

function flattenSystem(system: EventNode | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!system) return out;
  for (const el of system.children) {
    out[el.name] = el.text ?? '';
    const attrs = el.attributes;
    for (const k in attrs) out[keyOf(el.name, k)] = attrs[k] as string;
  }
  return out;
}

const num = (s: string | undefined): number => {
  const n = Number(s);
  return Number.isFinite(n) ? n : 0;
};

/**
 * Turns an <Event> element tree (from BinXML or from XML) into an EventRecord. Returns null when the tree is
 * not an event (no System element), so callers can count it as damaged.
 */
export function recordFromTree(event: EventNode, fallbackRecordId = 0): EventRecord | null {
  const systemNode = child(event, 'System');
  if (event.name !== 'Event' || !systemNode) return null;
  return recordFromParts(flattenSystem(systemNode), event, fallbackRecordId);
}

/** Builds the record from an already flattened System map and the <Event> element (for its data). */
export function recordFromParts(system: Record<string, string>, event: EventNode, fallbackRecordId: number): EventRecord {
  const data = child(event, 'EventData') ?? child(event, 'UserData') ?? null;
  const message = child(child(event, 'RenderingInfo'), 'Message')?.text;
  const recordId = system.EventRecordID ? num(system.EventRecordID) : fallbackRecordId;
  return {
    recordId,
    eventId: num(system.EventID),
    provider: system['Provider@Name'] ?? '',
    channel: system.Channel ?? '',
    level: num(system.Level),
    timeCreated: system['TimeCreated@SystemTime'] ?? '',
    computer: system.Computer ?? '',
    system,
    data,
    ...(message !== undefined ? { message } : {}),
  };
}
