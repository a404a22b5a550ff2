import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../../../electron/cli/progress';

function terminal(isTTY: boolean) {
  let text = '';
  return { io: { env: {}, stdout: { write: () => true }, stderr: { isTTY, write: (t: string) => (text += t) } }, text: () => text };
}

describe('progress on the terminal', () => {
  it('draws one line in place while reading, in the chosen language, and clears it when checks start', () => {
    const t = terminal(true);
    let clock = 0;
    const progress = terminalProgress(t.io, 'cs', () => clock);
    progress?.({ phase: 'read', done: 2, total: 104, fraction: 0.455 });
    clock += 50;
    progress?.({ phase: 'read', done: 2, total: 104, fraction: 0.47 }); // too soon: not drawn
    clock += 500;
    progress?.({ phase: 'read', done: 3, total: 104 });
    progress?.({ phase: 'analyze', done: 1, total: 4 });
    const draws = t.text().split('\r\u001b[2K').filter(Boolean);
    expect(draws).toEqual(['Načítání podkladů: 2 z 104 (46\u00A0% aktuálního souboru)', 'Načítání podkladů: 3 z 104 (0\u00A0% aktuálního souboru)']);
    expect(t.text().endsWith('\r\u001b[2K')).toBe(true);
  });

  it('stays silent when stderr is not a terminal (redirected, piped, CI)', () => {
    expect(terminalProgress(terminal(false).io, 'en')).toBeUndefined();
  });
});
