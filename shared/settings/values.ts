import type { RawValue } from './record';

/** A readable string from whatever a format gave: Exchange objects in JSON become their best-known field. */
export function asString(value: RawValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(asString).filter(Boolean).join(', ') || undefined;
  const obj = value as { readonly [key: string]: RawValue };
  for (const key of ['Address', 'Domain', 'Name', 'DomainName', 'Expression', 'DisplayName', 'Value', 'ToString']) {
    const inner = obj[key];
    if (inner !== undefined && typeof inner !== 'object') return asString(inner);
  }
  return undefined;
}

export function asBool(value: RawValue | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const s = asString(value)?.toLowerCase();
  if (s === 'true' || s === '$true') return true;
  if (s === 'false' || s === '$false') return false;
  return undefined;
}

/** Lists: `{a, b, c}` in text output, arrays in JSON/CLIXML, a single value otherwise. */
export function asList(value: RawValue | undefined): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(asString).filter((s): s is string => s !== undefined);
  if (typeof value === 'object') {
    const s = asString(value);
    return s ? [s] : undefined;
  }
  const s = String(value).trim();
  if (s === '' || s === '{}') return [];
  const inner = /^\{(.*)\}$/s.exec(s)?.[1] ?? s;
  return inner
    .split(',')
    .map((x) => x.trim().replace(/\.\.\.$/, '').trim())
    .filter(Boolean);
}

/** JSON dates come as `/Date(1715673600000)/`; text dates as the machine's locale wrote them. */
export function asDate(value: RawValue | undefined): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as { readonly [key: string]: RawValue };
    return asDate(obj['DateTime'] ?? obj['value']);
  }
  const s = asString(value);
  if (!s) return undefined;
  const ms = /\/Date\((-?\d+)/.exec(s);
  if (ms) return new Date(Number(ms[1])).toISOString();
  const t = Date.parse(s);
  return Number.isNaN(t) ? s : new Date(t).toISOString();
}
