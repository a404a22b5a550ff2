import type { EventNode } from '../types';

/**
 * What a BinXML fragment parses into before its substitution values are known: a template. Text and
 * attribute values are lists of pieces, literal strings or references to the template instance's values.
 */
export interface Substitution {
  readonly sub: number;
  /** Optional substitution (token 0x0e): a null value drops the attribute instead of leaving it empty. */
  readonly optional: boolean;
}

export type Piece = string | Substitution;

export interface TemplateAttribute {
  readonly name: string;
  readonly value: readonly Piece[];
}

export interface TemplateElement {
  readonly name: string;
  readonly attributes: readonly TemplateAttribute[];
  readonly content: readonly TemplateContent[];
}

/** A nested template instance (or nested BinXML) already resolved to nodes. */
export interface ResolvedNodes {
  readonly nodes: readonly EventNode[];
}

export type TemplateContent = TemplateElement | Piece | ResolvedNodes;

/** A decoded substitution value: absent, rendered text, or the elements of a nested BinXML fragment. */
export type Value = null | string | readonly EventNode[];

export function isElement(c: TemplateContent): c is TemplateElement {
  return typeof c === 'object' && 'attributes' in c;
}

export function isResolved(c: TemplateContent): c is ResolvedNodes {
  return typeof c === 'object' && 'nodes' in c;
}
