import { keyOf } from '../record-from-tree';
import { attributeValue } from './instantiate';
import { isElement, type Piece, type TemplateElement, type Value } from './template-tree';

/** One entry of the flat System map: its key and the pieces its value is made of. */
interface PlanEntry {
  readonly key: string;
  readonly pieces: readonly Piece[];
  /** Element text ("" when empty) rather than an attribute (omitted when an optional value is null). */
  readonly text: boolean;
}

const PLANS = new WeakMap<TemplateElement, readonly PlanEntry[] | null>();

/**
 * Compiles a System template element into the list of map entries it yields, or null when its shape is
 * not the flat one Windows writes (a child with its own children or nested values): then the generic tree
 * is built instead.
 */
function planOf(system: TemplateElement): readonly PlanEntry[] | null {
  const known = PLANS.get(system);
  if (known !== undefined) return known;
  const plan: PlanEntry[] = [];
  let flat = true;
  for (const el of system.content) {
    if (!isElement(el)) {
      flat = false;
      break;
    }
    const pieces = el.content.filter((c): c is Piece => typeof c === 'string' || (!isElement(c) && !('nodes' in c)));
    if (pieces.length !== el.content.length) {
      flat = false;
      break;
    }
    plan.push({ key: el.name, pieces, text: true });
    for (const a of el.attributes) plan.push({ key: keyOf(el.name, a.name), pieces: a.value, text: false });
  }
  const result = flat ? plan : null;
  PLANS.set(system, result);
  return result;
}

/**
 * The System map of one record straight from the template and its values, equal to flattening the
 * instantiated System element but without building it: System is most of every record, and skipping its
 * ~30 short-lived objects per record is a fifth of the parse time on large logs.
 */
export function flattenSystemTemplate(system: TemplateElement, values: readonly Value[]): Record<string, string> | null {
  const plan = planOf(system);
  if (!plan) return null;
  const out: Record<string, string> = {};
  for (const entry of plan) {
    if (entry.text) {
      let s = '';
      for (const p of entry.pieces) {
        if (typeof p === 'string') s += p;
        else {
          const v = values[p.sub];
          if (typeof v === 'string') s += v;
          else if (v) return null; // nested BinXML inside System: not the flat shape
        }
      }
      out[entry.key] = s;
    } else {
      const v = attributeValue(entry.pieces, values);
      if (v !== null) out[entry.key] = v;
    }
  }
  return out;
}

/** What deciding on a record by its provider needs from a flat System plan, found once per template. */
interface ProviderPlan {
  /** Values that make up element text: when one is nested BinXML, the System is not flat. */
  readonly textSubs: readonly number[];
  /** The Provider@Name entries (one in every real log). */
  readonly provider: readonly PlanEntry[];
}

const PROVIDER_PLANS = new WeakMap<TemplateElement, ProviderPlan | null>();

function providerPlanOf(system: TemplateElement): ProviderPlan | null {
  const known = PROVIDER_PLANS.get(system);
  if (known !== undefined) return known;
  const plan = planOf(system);
  const result = plan && {
    textSubs: plan.flatMap((e) => (e.text ? e.pieces.flatMap((p) => (typeof p === 'string' ? [] : [p.sub])) : [])),
    provider: plan.filter((e) => e.key === PROVIDER_NAME),
  };
  PROVIDER_PLANS.set(system, result);
  return result;
}

/**
 * Whether flattenSystemTemplate will give the flat map, knowing only which values are nested BinXML (before
 * any is decoded): the System shape is flat and no element text is nested BinXML.
 */
export function isFlatSystem(system: TemplateElement, isNested: (sub: number) => boolean): boolean {
  const plan = providerPlanOf(system);
  return plan !== null && !plan.textSubs.some(isNested);
}

/** The provider name (`Provider@Name`) of a flat System, decoding only the values it is made of; "" when absent, as in the record. */
export function systemProvider(system: TemplateElement, valueOf: (sub: number) => Value | undefined): string {
  // As in the map, a later Provider@Name with a value wins.
  let name = '';
  for (const entry of providerPlanOf(system)?.provider ?? []) {
    const values: Value[] = [];
    for (const p of entry.pieces) if (typeof p !== 'string') values[p.sub] = valueOf(p.sub) ?? null;
    name = attributeValue(entry.pieces, values) ?? name;
  }
  return name;
}

const PROVIDER_NAME = 'Provider@Name';
