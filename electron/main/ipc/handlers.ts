/**
 * The main-process IPC handlers as plain functions, one per contract channel.
 *
 * Nothing here imports `electron`: native dialogs and the OS locale are injected (`HandlerDeps`), so the
 * same functions run in three places —
 *   - Electron main: `setupIpc(createHandlers(electronHandlerDeps(...)), ...)` (see ../app.ts);
 *   - the Playwright harness: `const h = createHandlers({ pickExportFolder: async () => tmpDir,
 *     confirmConnection: <the test's explicit answer>, osLocale: () => 'cs-CZ', … })`, then for each channel
 *     `page.exposeBinding(...)` → `dispatch(h, channel, req)` (./dispatch.ts: the same schema check and
 *     error shielding as main, minus the sender check, which needs a real frame);
 *   - unit tests, with real temp folders.
 * Handlers receive already-validated requests and return Result values; a throw is a bug, and the
 * dispatcher turns it into `ipc.failed`.
 *
 * Adding a channel (e.g. a network fetch): its types in IpcContract and its name in `channelNames`
 * (shared/ipc/contract.ts), its zod schema (shared/ipc/schemas.ts), its entry below calling a service in
 * electron/services, and any new capability main must supply as a field of HandlerDeps. `Handlers` makes a
 * missing entry a type error; setupIpc() and the preload pick the channel up by themselves.
 */
import type { Channel, RequestOf, ResponseOf, TrustAnchorInfo } from '../../../shared/ipc/contract';
import type { Locale } from '../../../shared/i18n/locales';
import { err, ok } from '../../../shared/result';
import { appInfo } from '../../services/app-info';
import { exportFiles } from '../../services/export';
import { runtimeTrustAnchors } from '../../services/trust-store';
import { createNetworkHandlers, liveNetworkServices, type NetworkServices } from './network-handlers';
import { createFixPackHandlers } from './fixpack-handlers';
import { createCaseHandlers, type CaseHandlerDeps } from './case-handlers';
import { chosenExportFolder } from './export-target';
import { oneConsentAtATime, type ConfirmConnection } from '../consent/connection-consent';
import { createWriteGrants, type WriteGrants } from '../write-grants';
import { createWrittenFolders, type WrittenFolders } from '../written-folders';
import { openFolder, type OpenPath } from '../../services/open-folder';

export interface HandlerDeps extends CaseHandlerDeps {
  /** Native folder picker; resolves to the chosen parent folder, `null` when cancelled. */
  pickExportFolder(options: { suggestedFolderName: string }): Promise<string | null>;
  /** The OS language tag (`app.getLocale()` in Electron). */
  osLocale(): string;
  /** Main's own strings (menu, dialogs) switch language; optional where there are none (the harness). */
  setLocale?(locale: Locale): void;
  trustAnchors?: () => TrustAnchorInfo[];
  /** The opt-in network checks (./network-handlers.ts); the real services unless a test passes its own. */
  network?: NetworkServices;
  /**
   * Main's own question before any connection (../consent/): a native dialog in the app, an explicit answer
   * in the harness and in tests. Required, so no way of building the handlers skips it by default.
   */
  confirmConnection: ConfirmConnection;
  /** Folders the user chose in main's dialogs; one set per handler set unless a test shares its own. */
  writeGrants?: WriteGrants;
  /** Electron's shell.openPath in the app; absent (every `folder:open` refused) where there is no file manager. */
  openPath?: OpenPath;
  /** The folder main's latest export wrote; one per handler set unless a test shares its own. */
  writtenFolders?: WrittenFolders;
}

export type Handlers = { readonly [C in Channel]: (req: RequestOf<C>) => Promise<ResponseOf<C>> };

export function createHandlers(deps: HandlerDeps): Handlers {
  const grants = deps.writeGrants ?? createWriteGrants();
  const written = deps.writtenFolders ?? createWrittenFolders();
  return {
    'app:info': async () => ok(appInfo(deps.osLocale())),

    'app:setLocale': async ({ locale }) => {
      deps.setLocale?.(locale);
      return ok(null);
    },

    // The user picks where; the export goes into a new subfolder named by the renderer (e.g. the case name).
    // Cancelling returns `export.cancelled` so the renderer can tell it apart from a finished export.
    'export:save': async ({ suggestedFolderName, files, overwrite }) => {
      const folder = await chosenExportFolder(deps.pickExportFolder, grants, suggestedFolderName);
      if (!folder.ok) return folder;
      const saved = await exportFiles(folder.value, files, { overwrite });
      if (saved.ok) written.wrote(saved.value.folder);
      return saved;
    },

    'trust:anchors': async () => ok((deps.trustAnchors ?? runtimeTrustAnchors)()),

    ...createNetworkHandlers(deps.network ?? liveNetworkServices, oneConsentAtATime(deps.confirmConnection)),

    ...createFixPackHandlers(deps, grants, written),

    // Only the folder main's own latest export wrote; anything else the page names is refused unopened.
    'folder:open': async ({ folder }) => {
      if (!deps.openPath || !written.isLatest(folder)) return err({ code: 'folder.notWritten' });
      return openFolder(folder, deps.openPath);
    },

    ...createCaseHandlers(deps, grants),
  };
}
