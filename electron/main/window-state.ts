import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../services/atomic-write';

/** What we remember of the main window between runs (userData/window-state.json). */
const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1100, height: 780 } as const;

/** A damaged or foreign file is ignored (defaults apply), never an error. */
export function parseWindowState(text: string): WindowState | null {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The saved bounds if the window's title bar area still lands on a connected display (a monitor may have
 * been unplugged since); otherwise only the size, so the OS centres the window.
 */
export function placeWindow(state: WindowState | null, workAreas: readonly Rect[]): Partial<Rect> & { width: number; height: number } {
  if (!state) return { ...DEFAULT_SIZE };
  const titleBar = { x: state.x + 40, y: state.y + 10 };
  const visible = workAreas.some(
    (a) => titleBar.x >= a.x && titleBar.x < a.x + a.width && titleBar.y >= a.y && titleBar.y < a.y + a.height,
  );
  const size = { width: state.width, height: state.height };
  return visible ? { x: state.x, y: state.y, ...size } : size;
}

export async function loadWindowState(file: string): Promise<WindowState | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  return text === null ? null : parseWindowState(text);
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  // Best effort: failing to remember a window position must never disturb quitting (the Result is dropped).
  await writeFileAtomic(file, JSON.stringify(state), { overwrite: true });
}
