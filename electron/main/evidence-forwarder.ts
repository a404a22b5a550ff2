import type { IpcEvents } from '../../shared/ipc/contract';
import { readEvidenceFiles, type ReadOutcome } from './evidence-files';

type Payload = IpcEvents['evidence:opened'];

/**
 * Delivers files opened from outside the window (file association, second launch, macOS `open-file`,
 * File ▸ Open evidence…) to the page. Paths that arrive before the page can listen — a cold start by
 * double-clicking a .cer — wait here until `attach()`.
 */
export class EvidenceForwarder {
  #pending: string[] = [];
  #target: ((payload: Payload) => void) | null = null;
  readonly #read: (paths: readonly string[]) => Promise<ReadOutcome>;

  constructor(read: (paths: readonly string[]) => Promise<ReadOutcome> = (p) => readEvidenceFiles(p)) {
    this.#read = read;
  }

  async open(paths: readonly string[]): Promise<void> {
    if (paths.length === 0) return;
    const target = this.#target;
    if (!target) {
      this.#pending.push(...paths);
      return;
    }
    target(await this.#read(paths));
  }

  /** The page is ready to listen (did-finish-load): flush what waited. */
  async attach(target: (payload: Payload) => void): Promise<void> {
    this.#target = target;
    await this.open(this.#pending.splice(0));
  }

  detach(): void {
    this.#target = null;
  }

  get pendingCount(): number {
    return this.#pending.length;
  }
}
