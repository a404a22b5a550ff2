import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_PREFIX, CHANNELS, type Channel } from '../../../shared/ipc/contract';
import { err } from '../../../shared/result';
import { isAppPageUrl } from '../protocol/app-origin';
import { dispatch } from './dispatch';
import type { Handlers } from './handlers';

/** Decides whether an IPC call comes from our own app page (GHSA-mq8j-3h7h-p8g7: check the frame). */
export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean;

/**
 * True when `url` is the app itself: for the packaged app its page on the privileged app:// scheme
 * (protocol/app-origin.ts); for the dev server, that server's origin. A `file://` page is never the app:
 * nothing of ours is served from there any more, and file URLs share one opaque origin.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  if (isAppPageUrl(appUrl)) return isAppPageUrl(url);
  try {
    const page = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
    return page.origin === app.origin;
  } catch {
    return false;
  }
}

/**
 * A sender is trusted when it is the top frame of our main window's web contents and shows the app URL.
 * A null frame (navigated away or destroyed while the message was in flight) is not trusted.
 */
export function createSenderCheck(getWindow: () => BrowserWindow | null, appUrl: string): SenderCheck {
  return (event) => {
    const win = getWindow();
    const frame = event.senderFrame;
    if (!win || win.isDestroyed() || !frame) return false;
    if (event.sender.id !== win.webContents.id) return false;
    if (frame.parent !== null) return false;
    return isAppUrl(frame.url, appUrl);
  };
}

/** The one wrapper around `ipcMain.handle`: sender check, then schema validation and handler (dispatch.ts). */
export function handle<C extends Channel>(channel: C, handlers: Handlers, isTrusted: SenderCheck): void {
  ipcMain.handle(CHANNEL_PREFIX + channel, async (event: IpcMainInvokeEvent, raw: unknown) => {
    if (!isTrusted(event)) return err({ code: 'ipc.untrustedSender', params: { channel } });
    return dispatch(handlers, channel, raw);
  });
}

/** Registers exactly the contract's channels, no more. */
export function setupIpc(handlers: Handlers, isTrusted: SenderCheck): void {
  for (const channel of CHANNELS) handle(channel, handlers, isTrusted);
}
