/**
 * One object of cmdlet output before we know which cmdlet wrote it: property names (lower-cased) to values
 * as the format gave them. Text formats give strings; JSON and CLIXML give typed values and lists.
 */
export type RawValue = string | number | boolean | null | readonly RawValue[] | { readonly [key: string]: RawValue };

export interface RawRecord {
  readonly props: ReadonlyMap<string, RawValue>;
  /** The .NET type name when the format carries it (CLIXML `<TN>`). */
  readonly typeName?: string;
  /** Where it starts: a 1-based line for text, an index for JSON/CLIXML. */
  readonly position: number;
  /** True when a list value ended in `...` (PowerShell's $FormatEnumerationLimit cut it). */
  readonly truncated?: boolean;
}
