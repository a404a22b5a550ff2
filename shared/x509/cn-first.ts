/** Splits a distinguished name at its unescaped commas (RFC 4514 escapes a comma in a value as `\,`). */
function rdns(dn: string): string[] {
  return dn.split(/(?<!\\),\s*/).filter((part) => part !== '');
}

/**
 * A distinguished name with its common name first (`CN=relay.contoso.com, O=Contoso, C=CZ`), whatever order
 * the certificate stores it in: admins recognise a certificate by its CN, as certmgr's "Issued To" shows it.
 * For display only; matching and scripts use the name as the certificate stores it.
 */
export function cnFirst(dn: string): string {
  const parts = rdns(dn);
  const cn = parts.findIndex((p) => /^CN=/i.test(p));
  if (cn <= 0) return dn;
  return [parts[cn]!, ...parts.slice(0, cn), ...parts.slice(cn + 1)].join(', ');
}
