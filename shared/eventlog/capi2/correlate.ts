import type { Capi2Chain, Capi2Event } from './capi2-event';

/** The events of one CAPI2 call sequence (same CorrelationAuxInfo TaskId), in SeqNumber order. */
export interface Capi2Task {
  readonly taskId: string;
  readonly events: readonly Capi2Event[];
}

/**
 * Groups CAPI2 events by TaskId: one TLS handshake's chain build (11), revocation checks (41), policy
 * verdict (30) and object dumps (90) share it. Events without a TaskId form no task.
 */
export function groupByTask(events: readonly Capi2Event[]): Capi2Task[] {
  const byTask = new Map<string, Capi2Event[]>();
  for (const e of events) {
    if (!e.taskId) continue;
    const list = byTask.get(e.taskId) ?? [];
    list.push(e);
    byTask.set(e.taskId, list);
  }
  return [...byTask].map(([taskId, list]) => ({
    taskId,
    events: list.sort((a, b) => (a.seqNumber ?? 0) - (b.seqNumber ?? 0) || a.recordId - b.recordId),
  }));
}

/**
 * Finds the chain an event 30 verdict refers to: event 11 writes the chain with a chainRef GUID and event
 * 30 names the same GUID. Chains are indexed once for all events.
 */
export function indexChains(events: readonly Capi2Event[]): Map<string, { chain: Capi2Chain; event: Capi2Event }> {
  const index = new Map<string, { chain: Capi2Chain; event: Capi2Event }>();
  for (const e of events) for (const chain of e.chains) if (chain.chainRef) index.set(chain.chainRef.toUpperCase(), { chain, event: e });
  return index;
}
