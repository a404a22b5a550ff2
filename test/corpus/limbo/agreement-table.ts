import { categoryOf } from './cases';

export interface CaseOutcome {
  readonly id: string;
  readonly expected: 'SUCCESS' | 'FAILURE';
  readonly relayDoctor: 'SUCCESS' | 'FAILURE';
  readonly openssl: 'SUCCESS' | 'FAILURE' | null;
  readonly reasons: readonly string[];
}

interface Tally {
  cases: number;
  relayDoctor: number;
  openssl: number;
}

const pct = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)}%`);

function tally(outcomes: readonly CaseOutcome[]): Tally {
  return {
    cases: outcomes.length,
    relayDoctor: outcomes.filter((o) => o.relayDoctor === o.expected).length,
    openssl: outcomes.filter((o) => o.openssl === o.expected).length,
  };
}

/** The agreement per category and in total, then every case Relay Doctor disagrees on, as Markdown. */
export function agreementTable(outcomes: readonly CaseOutcome[], opensslName: string): string {
  const byCategory = new Map<string, CaseOutcome[]>();
  for (const o of outcomes) byCategory.set(categoryOf(o.id), [...(byCategory.get(categoryOf(o.id)) ?? []), o]);
  const row = (name: string, t: Tally) =>
    `| ${name} | ${t.cases} | ${t.relayDoctor} (${pct(t.relayDoctor, t.cases)}) | ${t.openssl} (${pct(t.openssl, t.cases)}) |`;
  const lines = [
    `| category | cases | Relay Doctor agrees | ${opensslName} agrees |`,
    '|---|---:|---:|---:|',
    ...[...byCategory.keys()].sort().map((k) => row(k, tally(byCategory.get(k)!))),
    row('**all SERVER cases**', tally(outcomes)),
  ];
  const wrong = outcomes.filter((o) => o.relayDoctor !== o.expected);
  if (wrong.length > 0) {
    lines.push('', '| disagreement | expected | Relay Doctor | OpenSSL | why Relay Doctor said so |', '|---|---|---|---|---|');
    for (const o of wrong) lines.push(`| ${o.id} | ${o.expected} | ${o.relayDoctor} | ${o.openssl ?? '–'} | ${o.reasons.join(', ') || '–'} |`);
  }
  return lines.join('\n');
}

export function agreement(outcomes: readonly CaseOutcome[]): { relayDoctor: number; openssl: number } {
  const t = tally(outcomes);
  return { relayDoctor: t.relayDoctor / t.cases, openssl: t.openssl / t.cases };
}
