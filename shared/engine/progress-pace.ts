import type { RunProgress } from './run';

/** How often the progress shown may change: a few times a second reads as smooth and costs little. */
export const PROGRESS_INTERVAL_MS = 250;

/**
 * Paces the engine's progress on its way to whoever shows it (the app's progress bar, the CLI's line on the
 * terminal). A folder of thousands of files reports thousands of steps: in the app each one re-laid out the page
 * under a long evidence table (3,000 files kept the UI thread busy 15 s of 17) and made the status live region
 * speak again. A step that starts or ends a phase is shown at once, so the first and last counts are always
 * seen; the others at most every PROGRESS_INTERVAL_MS, the latest one winning.
 */
export class ProgressPace {
  #shownAt = -Infinity;
  #shownPhase: RunProgress['phase'] | undefined;
  #pending: RunProgress | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #show: (step: RunProgress) => void;
  readonly #now: () => number;

  constructor(show: (step: RunProgress) => void, now: () => number = () => performance.now()) {
    this.#show = show;
    this.#now = now;
  }

  offer(step: RunProgress): void {
    const due = step.phase !== this.#shownPhase || step.done === step.total || this.#now() - this.#shownAt >= PROGRESS_INTERVAL_MS;
    if (due) return this.#publish(step);
    this.#pending = step;
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      if (this.#pending) this.#publish(this.#pending);
    }, PROGRESS_INTERVAL_MS);
  }

  /** Forgets a step still waiting (the run ended or was superseded). */
  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
  }

  #publish(step: RunProgress): void {
    this.#pending = undefined;
    this.#shownAt = this.#now();
    this.#shownPhase = step.phase;
    this.#show(step);
  }
}
