import type { IpcEvents } from '../../shared/ipc/contract';
import { readEvidenceFiles, type ReadOutcome } from './evidence-files';

type Payload = IpcEvents['evidence:opened'];

export interface EvidenceForwarder {
  /** Reads the files and delivers them, or keeps the paths until the page can listen. */
  open(paths: readonly string[]): Promise<void>;
  /** The page is ready to listen (did-finish-load): flush what waited. */
  attach(target: (payload: Payload) => void): Promise<void>;
  detach(): void;
  readonly pendingCount: number;
}

/**
 * Delivers files opened from outside the window (file association, second launch, macOS `open-file`,
 * File ▸ Open evidence…) to the page. Paths that arrive before the page can listen — a cold start by
 * double-clicking a .cer — wait here until `attach()`. (A closure rather than a class with #private
 * fields: electronegativity's parser cannot read those in the built bundle.)
 */
export function createEvidenceForwarder(
  read: (paths: readonly string[]) => Promise<ReadOutcome> = (p) => readEvidenceFiles(p),
): EvidenceForwarder {
  const pending: string[] = [];
  let target: ((payload: Payload) => void) | null = null;
  const forwarder: EvidenceForwarder = {
    async open(paths) {
      if (paths.length === 0) return;
      const to = target;
      if (!to) {
        pending.push(...paths);
        return;
      }
      to(await read(paths));
    },
    async attach(next) {
      target = next;
      await forwarder.open(pending.splice(0));
    },
    detach() {
      target = null;
    },
    get pendingCount() {
      return pending.length;
    },
  };
  return forwarder;
}
