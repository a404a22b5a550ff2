import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressPace, PROGRESS_INTERVAL_MS } from '../../../../shared/engine/progress-pace';
import type { RunProgress } from '../../../../shared/engine/run';

const read = (done: number, total: number, fraction?: number): RunProgress => ({ phase: 'read', done, total, ...(fraction !== undefined ? { fraction } : {}) });

/** A pace on fake timers and clock, and the steps it showed. */
function paced(): { shown: RunProgress[]; pace: ProgressPace } {
  vi.useFakeTimers();
  const shown: RunProgress[] = [];
  return { shown, pace: new ProgressPace((step) => shown.push(step), () => Date.now()) };
}

describe('progress on its way to the page or the terminal', () => {
  afterEach(() => vi.useRealTimers());

  it('shows a folder of 3,000 files a few times a second, not 3,000 times, with its first and last count', () => {
    const { shown, pace } = paced();
    // The engine reads a file every millisecond.
    for (let done = 1; done <= 3000; done++) {
      pace.offer(read(done, 3000));
      vi.advanceTimersByTime(1);
    }
    pace.offer({ phase: 'analyze', done: 1, total: 4 });
    pace.offer({ phase: 'analyze', done: 4, total: 4 });
    expect(shown[0]).toEqual(read(1, 3000));
    expect(shown.filter((s) => s.phase === 'read').at(-1)).toEqual(read(3000, 3000));
    // One at the start, one per interval after, the last (done === total) at once.
    expect(shown.filter((s) => s.phase === 'read').length).toBeLessThanOrEqual(2 + Math.ceil(3000 / PROGRESS_INTERVAL_MS));
    expect(shown.slice(-2)).toEqual([{ phase: 'analyze', done: 1, total: 4 }, { phase: 'analyze', done: 4, total: 4 }]);
    const counts = shown.map((s) => (s.phase === 'read' ? s.done : 3000 + s.done));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it('shows the latest of the steps held back once the interval is over', () => {
    const { shown, pace } = paced();
    pace.offer(read(0, 1, 0.1));
    pace.offer(read(0, 1, 0.2));
    pace.offer(read(0, 1, 0.3));
    expect(shown).toEqual([read(0, 1, 0.1)]);
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
    expect(shown).toEqual([read(0, 1, 0.1), read(0, 1, 0.3)]);
  });

  it('drops a held-back step once stopped (a finished or superseded run)', () => {
    const { shown, pace } = paced();
    pace.offer(read(0, 2, 0.5));
    pace.offer(read(0, 2, 0.9));
    pace.stop();
    vi.advanceTimersByTime(PROGRESS_INTERVAL_MS * 2);
    expect(shown).toEqual([read(0, 2, 0.5)]);
  });
});
