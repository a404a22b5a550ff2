import type { EventNode } from '../types';
import { u16, u32, utf16 } from './bytes';
import { BinXmlError, ENTITIES, MORE_BIT, TOKEN } from './binxml-tokens';
import { instantiate, instantiateAll } from './instantiate';
import { flattenSystemTemplate, isFlatSystem, systemProvider } from './system-plan';
import { isElement, type Piece, type TemplateAttribute, type TemplateContent, type TemplateElement, type Value } from './template-tree';
import { decodeValue, NESTED_BINXML } from './values';

/** One usual record read straight into its parts: the flat System map and the <Event> element without System. */
const NO_NODES: readonly EventNode[] = Object.freeze([]);

export interface RecordParts {
  readonly system: Record<string, string>;
  readonly event: EventNode;
}

/**
 * Parses BinXML inside one chunk. Names and template definitions are chunk offsets, so both are cached per
 * chunk (the chunk's string and template tables point at the same structures). Template definitions are
 * parsed once into a tree with substitution slots and then filled per record, which is what makes large logs
 * fast: most records of a log share a handful of templates.
 */
export class ChunkBinXml {
  private readonly names = new Map<number, string>();
  private readonly templates = new Map<number, readonly TemplateContent[]>();
  private pos = 0;
  private depth = 0;
  /** Type, offset and size of each value of the template instance read lazily (templateValues). */
  private readonly lazy: number[] = [];
  /** Parsing only to find damage: template instances and nested values are read but not built (checkNested). */
  private checking = false;
  /** Created once: a closure per substitution value was a measurable share of garbage on large logs. */
  private readonly nestedParser = (start: number, end: number): readonly EventNode[] => this.nested(start, end);

  constructor(
    private readonly chunk: Uint8Array,
    private readonly maxDepth: number,
  ) {}

  /** Parses the BinXML of one record in [start, end) into its root elements (normally one, <Event>). */
  parseRecord(start: number, end: number): EventNode[] {
    this.pos = start;
    this.depth = 0;
    this.checking = false;
    return instantiateAll(this.fragments(end, false), []);
  }

  private fail(reason: string): never {
    throw new BinXmlError(reason, this.pos);
  }

  private need(n: number, end: number): void {
    if (this.pos + n > end) this.fail('truncated');
  }

  /** A sequence of fragments (header, content, end of stream) up to `end`. */
  private fragments(end: number, inSubstitution: boolean): TemplateContent[] {
    const out: TemplateContent[] = [];
    while (this.pos < end) {
      const token = this.chunk[this.pos] as number;
      if (token === TOKEN.endOfStream) {
        // A record ends at its end of stream (slack may follow). A nested value may hold several fragments.
        this.pos++;
        if (!inSubstitution || this.chunk[this.pos] !== TOKEN.fragmentHeader) break;
        continue;
      }
      if (token === TOKEN.fragmentHeader) {
        this.need(4, end);
        this.pos += 4;
        continue;
      }
      const base = token & ~MORE_BIT;
      if (base === TOKEN.openStartElement) out.push(this.element(end, inSubstitution));
      else if (base === TOKEN.templateInstance) out.push({ nodes: this.templateInstance(end) });
      else if (base === TOKEN.normalSubstitution || base === TOKEN.optionalSubstitution) out.push(this.substitution(end));
      else if (base === TOKEN.value || base === TOKEN.cdata) out.push(this.text(end));
      else if (base === TOKEN.piTarget || base === TOKEN.piData) this.pi(end);
      else this.fail(`unexpected token 0x${token.toString(16)}`);
    }
    return out;
  }

  /** Reads a name reference; the name structure follows inline when its offset is the current position. */
  private name(end: number): string {
    this.need(4, end);
    const offset = u32(this.chunk, this.pos);
    this.pos += 4;
    if (offset === this.pos) {
      this.need(8, end);
      this.pos += 8 + u16(this.chunk, this.pos + 6) * 2 + 2;
    }
    const cached = this.names.get(offset);
    if (cached !== undefined) return cached;
    if (offset + 8 > this.chunk.length) this.fail('name offset outside chunk');
    const count = u16(this.chunk, offset + 6);
    if (offset + 8 + count * 2 > this.chunk.length) this.fail('name outside chunk');
    const s = utf16(this.chunk, offset + 8, count);
    this.names.set(offset, s);
    return s;
  }

  private element(end: number, inSubstitution: boolean): TemplateElement {
    if (++this.depth > this.maxDepth) this.fail('nested too deeply');
    const token = this.chunk[this.pos] as number;
    const start = this.pos;
    this.need(11, end);
    // The dependency id (u16) is absent inside substitution values; some writers omit it elsewhere too,
    // which shows as an impossible data size (the same heuristic as libevtx and the Rust evtx crate).
    let p = start + 1 + (inSubstitution ? 0 : 2);
    if (!inSubstitution && u32(this.chunk, p) >= this.chunk.length) p -= 2;
    this.pos = p + 4;
    const name = this.name(end);
    if (token & MORE_BIT) {
      this.need(4, end);
      this.pos += 4;
    }
    const attributes: TemplateAttribute[] = [];
    while (this.pos < end && ((this.chunk[this.pos] as number) & ~MORE_BIT) === TOKEN.attribute) {
      this.pos++;
      const attrName = this.name(end);
      attributes.push({ name: attrName, value: this.pieces(end) });
    }
    this.need(1, end);
    const close = this.chunk[this.pos++] as number;
    let content: TemplateContent[] = [];
    if (close === TOKEN.closeStartElement) content = this.content(end, inSubstitution);
    else if (close !== TOKEN.closeEmptyElement) this.fail(`unexpected token 0x${close.toString(16)} after start element`);
    this.depth--;
    return { name, attributes, content };
  }

  /** Value, substitution and reference tokens that make up one attribute value. */
  private pieces(end: number): Piece[] {
    const out: Piece[] = [];
    for (;;) {
      if (this.pos >= end) return out;
      const base = (this.chunk[this.pos] as number) & ~MORE_BIT;
      if (base === TOKEN.value || base === TOKEN.charRef || base === TOKEN.entityRef || base === TOKEN.cdata) out.push(this.text(end));
      else if (base === TOKEN.normalSubstitution || base === TOKEN.optionalSubstitution) out.push(this.substitution(end));
      else return out;
    }
  }

  private content(end: number, inSubstitution: boolean): TemplateContent[] {
    const out: TemplateContent[] = [];
    for (;;) {
      this.need(1, end);
      const token = this.chunk[this.pos] as number;
      const base = token & ~MORE_BIT;
      if (base === TOKEN.endElement) {
        this.pos++;
        return out;
      }
      if (base === TOKEN.openStartElement) out.push(this.element(end, inSubstitution));
      else if (base === TOKEN.value || base === TOKEN.cdata || base === TOKEN.charRef || base === TOKEN.entityRef) out.push(this.text(end));
      else if (base === TOKEN.normalSubstitution || base === TOKEN.optionalSubstitution) out.push(this.substitution(end));
      else if (base === TOKEN.templateInstance) out.push({ nodes: this.templateInstance(end) });
      else if (base === TOKEN.piTarget || base === TOKEN.piData) this.pi(end);
      else this.fail(`unexpected token 0x${token.toString(16)} in element content`);
    }
  }

  /** Value text (type 0x01, length-prefixed UTF-16), CDATA, character and entity references. */
  private text(end: number): string {
    const base = (this.chunk[this.pos++] as number) & ~MORE_BIT;
    if (base === TOKEN.charRef) {
      this.need(2, end);
      const c = u16(this.chunk, this.pos);
      this.pos += 2;
      return String.fromCharCode(c);
    }
    if (base === TOKEN.entityRef) {
      const n = this.name(end);
      return ENTITIES[n] ?? `&${n};`;
    }
    if (base === TOKEN.value) this.pos++; // value type: always a string (0x01) in the token stream
    this.need(2, end);
    const count = u16(this.chunk, this.pos);
    this.need(2 + count * 2, end);
    const s = utf16(this.chunk, this.pos + 2, count);
    this.pos += 2 + count * 2;
    return s;
  }

  /** Processing instructions carry no event data; they are read past. */
  private pi(end: number): void {
    const base = (this.chunk[this.pos++] as number) & ~MORE_BIT;
    if (base === TOKEN.piTarget) {
      this.name(end);
      return;
    }
    this.need(2, end);
    this.pos += 2 + u16(this.chunk, this.pos) * 2;
  }

  private substitution(end: number): Piece {
    this.need(4, end);
    const optional = ((this.chunk[this.pos] as number) & ~MORE_BIT) === TOKEN.optionalSubstitution;
    const sub = u16(this.chunk, this.pos + 1);
    this.pos += 4;
    return { sub, optional };
  }

  /**
   * The usual record (a fragment holding one template instance of <Event>) read straight into its parts:
   * the System map without building System's elements, and the <Event> element without System. Returns
   * null for any other shape, which the caller then reads with `parseRecord`.
   */
  parseRecordParts(start: number, end: number, keepProvider?: (provider: string) => boolean): RecordParts | 'notKept' | null {
    this.pos = start;
    this.depth = 0;
    if (this.chunk[this.pos] === TOKEN.fragmentHeader) this.pos += 4;
    if (((this.chunk[this.pos] as number) & ~MORE_BIT) !== TOKEN.templateInstance) return null;
    // With keepProvider, values are decoded only once the record is known to be kept. A record that is not
    // kept still has its nested BinXML values parsed (checkNested), since that is where a damaged one shows.
    const { template, values } = this.templateValues(end, keepProvider !== undefined);
    const root = template.find(isElement);
    const system = root?.content.find((c): c is TemplateElement => isElement(c) && c.name === 'System');
    if (!root || root.name !== 'Event' || !system) {
      this.decoded(values); // fails where reading every value in order fails
      return null;
    }
    if (keepProvider && isFlatSystem(system, (sub) => this.isNested(values, sub))) {
      const provider = systemProvider(system, (sub) => (this.isNested(values, sub) ? NO_NODES : this.decodeLater(values, sub)));
      if (!keepProvider(provider)) {
        this.checkNested(values);
        return 'notKept';
      }
    }
    const decoded = this.decoded(values);
    const flat = flattenSystemTemplate(system, decoded);
    return flat ? { system: flat, event: instantiate(root, decoded, system) } : null;
  }

  /** Decodes value `sub` of a lazily read template instance if it is not yet (see templateValues). */
  private decodeLater(values: Array<Value | undefined>, sub: number): Value | undefined {
    if (values[sub] !== undefined || sub >= values.length) return values[sub];
    const at = sub * 3;
    return (values[sub] = decodeValue(this.lazy[at] as number, this.chunk, this.lazy[at + 1] as number, this.lazy[at + 2] as number, this.nestedParser));
  }

  /** Every value of a lazily read template instance, decoded in order (the first `count` only, when given). */
  private decoded(values: Array<Value | undefined>, count = values.length): Value[] {
    for (let i = 0; i < count; i++) this.decodeLater(values, i);
    return values as Value[];
  }

  /** Whether value `sub` of a lazily read template instance is nested BinXML that decodes to elements. */
  private isNested(values: readonly unknown[], sub: number): boolean {
    return sub < values.length && this.lazy[sub * 3] === NESTED_BINXML && (this.lazy[sub * 3 + 2] as number) > 0;
  }

  /** Parses the nested BinXML values of a lazily read template instance, in order, building nothing. */
  private checkNested(values: readonly unknown[]): void {
    this.checking = true;
    try {
      for (let i = 0; i < values.length; i++) if (this.isNested(values, i)) this.nested(this.lazy[i * 3 + 1] as number, (this.lazy[i * 3 + 1] as number) + (this.lazy[i * 3 + 2] as number));
    } finally {
      this.checking = false;
    }
  }

  /** A template instance: the definition (inline the first time, else by offset) and its values. */
  private templateInstance(end: number): readonly EventNode[] {
    const { template, values } = this.templateValues(end);
    return this.checking ? NO_NODES : instantiateAll(template, values as Value[]);
  }

  /**
   * A template instance's definition and values. `lazy` leaves every value undecoded (undefined) and notes
   * its type, offset and size in `lazy` for decodeLater: the records a reader does not keep need no text.
   * While checking, only nested BinXML values are parsed (and nothing is built).
   */
  private templateValues(end: number, lazy = false): { template: readonly TemplateContent[]; values: Array<Value | undefined> } {
    this.need(10, end);
    const defOffset = u32(this.chunk, this.pos + 6);
    this.pos += 10;
    if (defOffset === this.pos) {
      this.need(24, end);
      this.pos += 24 + u32(this.chunk, this.pos + 20);
    }
    const template = this.template(defOffset);
    this.need(4, end);
    const count = u32(this.chunk, this.pos);
    this.pos += 4;
    this.need(count * 4, end);
    const descriptors = this.pos;
    let data = descriptors + count * 4;
    const values = new Array<Value | undefined>(count);
    for (let i = 0; i < count; i++) {
      const size = u16(this.chunk, descriptors + i * 4);
      const type = this.chunk[descriptors + i * 4 + 2] as number;
      if (data + size > end) {
        if (lazy) this.decoded(values, i); // the values before it fail first, as when decoded in order
        this.fail('value outside record');
      }
      if (lazy) {
        this.lazy[i * 3] = type;
        this.lazy[i * 3 + 1] = data;
        this.lazy[i * 3 + 2] = size;
      } else if (!this.checking) values[i] = decodeValue(type, this.chunk, data, size, this.nestedParser);
      else if (type === NESTED_BINXML && size > 0) this.nested(data, data + size);
      data += size;
    }
    this.pos = data;
    return { template, values };
  }

  private nested(start: number, end: number): readonly EventNode[] {
    if (++this.depth > this.maxDepth) this.fail('nested too deeply');
    const saved = this.pos;
    this.pos = start;
    const fragments = this.fragments(end, true);
    const nodes = this.checking ? NO_NODES : instantiateAll(fragments, []);
    this.pos = saved;
    this.depth--;
    return nodes;
  }

  private template(offset: number): readonly TemplateContent[] {
    const cached = this.templates.get(offset);
    if (cached) return cached;
    if (offset + 24 > this.chunk.length) this.fail('template offset outside chunk');
    const size = u32(this.chunk, offset + 20);
    const start = offset + 24;
    if (start + size > this.chunk.length) this.fail('template outside chunk');
    const saved = this.pos;
    this.pos = start;
    // A definition is cached for every record of the chunk: it is built in full even while checking.
    const checking = this.checking;
    this.checking = false;
    let content: TemplateContent[];
    try {
      content = this.fragments(start + size, false);
    } finally {
      this.checking = checking;
    }
    this.pos = saved;
    this.templates.set(offset, content);
    return content;
  }
}
