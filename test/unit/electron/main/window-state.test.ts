import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, loadWindowState, parseWindowState, placeWindow, saveWindowState } from '../../../../electron/main/window-state';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('ignores a damaged or foreign file', () => {
    expect(parseWindowState('{"x":1')).toBeNull();
    expect(parseWindowState('{"x":1,"y":2,"width":"wide","height":600,"maximized":false}')).toBeNull();
    expect(parseWindowState('[]')).toBeNull();
  });

  it('keeps only the size when the saved position is on a monitor that is gone', () => {
    const state = { x: 2500, y: 100, width: 900, height: 700, maximized: false };
    expect(placeWindow(state, screen)).toEqual({ width: 900, height: 700 });
    expect(placeWindow({ ...state, x: 100 }, screen)).toEqual({ x: 100, y: 100, width: 900, height: 700 });
    expect(placeWindow(null, screen)).toEqual(DEFAULT_SIZE);
  });

  it('round-trips through an atomically written file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rd-ws-'));
    try {
      const file = join(dir, 'window-state.json');
      expect(await loadWindowState(file)).toBeNull();
      const state = { x: -1200, y: 40, width: 1000, height: 760, maximized: true };
      await saveWindowState(file, state);
      await saveWindowState(file, { ...state, width: 1001 });
      expect(await loadWindowState(file)).toEqual({ ...state, width: 1001 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
