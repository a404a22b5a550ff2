/** What the evidence list can be sorted by: the order added, or one of its columns. */
export type EvidenceSortKey = 'added' | 'name' | 'size' | 'kind' | 'status';
export type SortDirection = 'ascending' | 'descending';

/** The row facts sorting and counting look at (an EvidenceItem with its analysed state, in the UI's words). */
export interface EvidenceRowFacts {
  readonly id: number;
  readonly name: string;
  readonly size: number;
  /** The kind's label as shown ("Certificates"); sorting by it follows what the admin reads. */
  readonly kind: string;
  readonly status: 'waiting' | 'ok' | 'rejected';
}

/** Problems first when sorting by status ascending: a file that was not read is what needs the admin. */
const STATUS_ORDER = { rejected: 0, waiting: 1, ok: 2 } as const;

/** The rows in the chosen order; ties keep the order they were added in. Names compare as the language sorts. */
export function sortEvidence<T extends EvidenceRowFacts>(rows: readonly T[], key: EvidenceSortKey, direction: SortDirection, locale: string): T[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const compare: Record<EvidenceSortKey, (a: T, b: T) => number> = {
    added: (a, b) => a.id - b.id,
    name: (a, b) => collator.compare(a.name, b.name),
    size: (a, b) => a.size - b.size,
    kind: (a, b) => collator.compare(a.kind, b.kind),
    status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
  };
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compare[key](a, b) || a.id - b.id);
}

/** How many rows have each value of `pick`, most frequent first (ties in first-seen order). */
export function countBy<T>(rows: readonly T[], pick: (row: T) => string): { readonly label: string; readonly count: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(pick(row), (counts.get(pick(row)) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
}
