/**
 * Distinguished-name comparison for the Send connector's `<I>issuer<S>subject` against certificates.
 * Windows prints RDNs most-specific first (`CN=…, O=…, C=US`); other tools print them the other way round,
 * and Format-List may have wrapped the value, so the comparison ignores order, case and spacing.
 */
export function splitDn(dn: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < dn.length; i++) {
    const ch = dn[i] ?? '';
    if (ch === '\\' && i + 1 < dn.length) {
      current += ch + (dn[++i] ?? '');
    } else if (ch === '"') {
      quoted = !quoted;
      current += ch;
    } else if ((ch === ',' || ch === ';' || ch === '+') && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map(normalizeRdn).filter(Boolean);
}

function normalizeRdn(rdn: string): string {
  const eq = rdn.indexOf('=');
  if (eq < 0) return rdn.trim().replace(/\s+/g, ' ').toLowerCase();
  const type = rdn.slice(0, eq).trim().toUpperCase().replace(/^OID\./, '');
  const value = rdn.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').replace(/\s+/g, ' ').toLowerCase();
  const alias: Record<string, string> = { E: 'EMAILADDRESS', S: 'ST', '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.6': 'C' };
  return `${alias[type] ?? type}=${value}`;
}

export function sameDn(a: string, b: string): boolean {
  const x = splitDn(a).sort();
  const y = splitDn(b).sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** `<I>issuer<S>subject` → its two names; undefined when the value is not in that form. */
export function parseTlsCertificateName(value: string): { issuer: string; subject: string } | undefined {
  const m = /^\s*<I>(.*)<S>(.*)$/is.exec(value);
  return m ? { issuer: (m[1] ?? '').trim(), subject: (m[2] ?? '').trim() } : undefined;
}

/** The CN values of a DN string. */
export function commonNamesOf(dn: string | undefined): string[] {
  if (!dn) return [];
  return splitDn(dn)
    .filter((rdn) => rdn.startsWith('CN='))
    .map((rdn) => rdn.slice(3));
}
