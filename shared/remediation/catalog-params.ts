import type { Params } from '../model/finding';
import { quotePs, safeDisplay } from '../powershell/quote';
import type { RemediationEntry } from './types';

/** The PowerShell form of a value inside a step's command: a single-quoted literal, lists as `'a', 'b'`. */
function psLiteral(values: readonly string[]): string {
  return values.map((v) => {
    const q = quotePs(v);
    return q.ok ? q.value : "''";
  }).join(', ');
}

/**
 * The values a remediation's texts are formatted with: each parameter from the cause when it gave one
 * (lists joined with ", "), otherwise a visible placeholder `<name>` the admin replaces. ICU formatting
 * needs every argument, so the texts never fail on a cause that knew less than it could have.
 *
 * Every parameter comes twice (issue 19): `{name}` for prose, and `{ps_name}` for the same value inside a
 * command the admin may paste, quoted exactly as the scripts quote it (a single-quoted PowerShell literal,
 * so `$( )`, backticks and double quotes stay text). A catalog never puts `{name}` into a command, bare or
 * in double quotes. A value PowerShell quoting cannot hold (a control character) is left out of both: the
 * prose shows it with the character spelled out, the command the placeholder.
 */
export function remediationParams(entry: RemediationEntry, causeParams: Params = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of entry.parameters) {
    const v = causeParams[p.name];
    const list = (Array.isArray(v) ? v.map(String) : v === undefined || v === '' ? [] : [String(v)]).filter((x) => x !== '');
    const safe = list.filter((x) => quotePs(x).ok);
    out[p.name] = list.length ? list.map(safeDisplay).join(', ') : `<${p.name}>`;
    out[`ps_${p.name}`] = safe.length ? psLiteral(safe) : psLiteral([`<${p.name}>`]);
  }
  return out;
}
