import type { BrowserWindow } from 'electron';
import { EVENT_PREFIX, type EventName, type IpcEvents } from '../../shared/ipc/contract';

/** Pushes a contract event to the window's page (the preload turns it into `diag.on…` callbacks). */
export function sendEvent<E extends EventName>(win: BrowserWindow | null, event: E, payload: IpcEvents[E]): boolean {
  if (!win || win.isDestroyed()) return false;
  win.webContents.send(EVENT_PREFIX + event, payload);
  return true;
}
