/**
 * Expected failures travel as values (style.md §3.5). `code` is a stable id that is also an i18n key
 * prefix, so the UI and reports can show it without a mapping table.
 */
export type Result<T, E extends { code: string } = AppError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

/** An expected failure: a stable code plus the parameters its localized message needs. */
export interface AppError {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const err = <E extends { code: string }>(error: E): { readonly ok: false; readonly error: E } => ({
  ok: false,
  error,
});
