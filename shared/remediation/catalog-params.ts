import type { Params } from '../model/finding';
import type { RemediationEntry } from './types';

/**
 * The values a remediation's texts are formatted with: each parameter from the cause when it gave one
 * (lists joined with ", "), otherwise a visible placeholder `<name>` the admin replaces. ICU formatting
 * needs every argument, so the texts never fail on a cause that knew less than it could have.
 */
export function remediationParams(entry: RemediationEntry, causeParams: Params = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of entry.parameters) {
    const v = causeParams[p.name];
    const text = Array.isArray(v) ? v.join(', ') : v === undefined ? '' : String(v);
    out[p.name] = text === '' ? `<${p.name}>` : text;
  }
  return out;
}
