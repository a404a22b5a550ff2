import type { Result, AppError } from '../result';
import type { FixPackExportRequest, FixPackExportResponse } from '../fixpack/ipc';
import type { Locale } from '../i18n/locales';
import type { FetchIssuersRequest, FetchIssuersView, ProbeRequest, ProbeView, TestRelayRequest, TestRelayView } from '../network/ipc';
import type { NetworkError } from '../network/types';
import type { CaseOpenResponse, CaseSaveRequest, CaseSaveResponse } from '../case/ipc';

/**
 * The one IPC contract (style.md §3.3). Every renderer→main request is listed here; the preload's named
 * methods, main's handler registration and the renderer's `window.diag` type are all derived from it, and
 * `requestSchemas` (schemas.ts) is its runtime twin.
 */
export const CHANNEL_PREFIX = 'diag:' as const;

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly versions: Readonly<Record<string, string>>;
  readonly platform: string;
  /** The OS language, used for the first run's language choice. */
  readonly osLocale: string;
}

/** A file the user opened outside the window (File ▸ Open evidence…, a file association); main reads only what the user chose. */
export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface TrustAnchorInfo {
  readonly derBase64: string;
  readonly store: 'mozilla' | 'system';
}

export interface ExportFile {
  /** A plain file name (no folders): the export service refuses anything else. */
  readonly name: string;
  /** Text (written as UTF-8 exactly as given, BOM included) or bytes. */
  readonly text?: string;
  readonly bytes?: Uint8Array;
}

export interface IpcContract {
  'app:info': { req: Record<string, never>; res: Result<AppInfo, AppError> };
  /** The user chose a language in the page: main's menu and dialogs follow it. */
  'app:setLocale': { req: { locale: Locale }; res: Result<null, AppError> };
  /**
   * The user picks a parent folder; files go into `<parent>/<suggestedFolderName>/`. Cancelling gives
   * `export.cancelled`; an existing file gives `export.exists` (nothing written) until `overwrite: true`.
   */
  'export:save': {
    req: { suggestedFolderName: string; files: ExportFile[]; overwrite: boolean };
    res: Result<{ folder: string; written: string[] }, AppError>;
  };
  'trust:anchors': { req: Record<string, never>; res: Result<TrustAnchorInfo[], AppError> };
  /** The fix pack (guide.pdf/md/html, scripts, report, intermediates, fixpack.zip) into a folder the user picks. */
  'export:fixPack': { req: FixPackExportRequest; res: FixPackExportResponse };
  /** Opt-in network checks (shared/network/ipc.ts): called only after the admin agreed to what they contact. */
  'network:probe': { req: ProbeRequest; res: Result<ProbeView, NetworkError | AppError> };
  'network:fetchIssuers': { req: FetchIssuersRequest; res: Result<FetchIssuersView, AppError> };
  'network:testRelay': { req: TestRelayRequest; res: Result<TestRelayView, NetworkError | AppError> };
  /** The case into a relay-doctor/case@1 file the admin picks (shared/case/ipc.ts); atomic, never a torn file. */
  'case:save': { req: CaseSaveRequest; res: CaseSaveResponse };
  /** A case file the admin picks, read and schema-checked; a foreign or damaged file is `case.invalid`. */
  'case:open': { req: Record<string, never>; res: CaseOpenResponse };
  /**
   * "Open folder" after a save: main opens the folder in the file manager only when it is the folder main's
   * latest export wrote in this run (`folder.notWritten` otherwise); the page's path is never trusted.
   */
  'folder:open': { req: { folder: string }; res: Result<null, AppError> };
}

export type Channel = keyof IpcContract;

// The runtime list of channels. Kept here (not derived from the zod schemas) so that the sandboxed preload
// can enumerate channels without bundling zod; `satisfies` makes a missing or extra channel a type error.
const channelNames = {
  'app:info': true,
  'app:setLocale': true,
  'export:save': true,
  'trust:anchors': true,
  'export:fixPack': true,
  'network:probe': true,
  'network:fetchIssuers': true,
  'network:testRelay': true,
  'case:save': true,
  'case:open': true,
  'folder:open': true,
} satisfies Record<Channel, true>;
export const CHANNELS = Object.keys(channelNames) as Channel[];
export type RequestOf<C extends Channel> = IpcContract[C]['req'];
export type ResponseOf<C extends Channel> = IpcContract[C]['res'];

/** `export:fixPack` → `exportFixPack`. */
export type MethodName<C extends string> = C extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : C;

export function methodName<C extends Channel>(channel: C): MethodName<C> {
  const [a, b = ''] = channel.split(':');
  return `${a}${b.charAt(0).toUpperCase()}${b.slice(1)}` as MethodName<C>;
}

/** What the renderer sees as `window.diag`: generated from the contract, never hand-written. */
export type DiagApi = {
  readonly [C in Channel as MethodName<C>]: (req: RequestOf<C>) => Promise<ResponseOf<C>>;
};

/** Stable error codes of the IPC layer (i18n keys with `.title`/`.detail`). */
export type IpcErrorCode = 'ipc.untrustedSender' | 'ipc.invalidRequest' | 'ipc.failed';

/**
 * Main→renderer pushes (style.md §3.3). Each is exposed by the preload as `on<Area><Verb>(listener)`, which
 * returns an unsubscribe function; the listener gets only the payload, never the Electron event.
 */
export const EVENT_PREFIX = 'diag-event:' as const;

/** Menu items whose action lives in the renderer (Open evidence… is handled in main and arrives as files). */
export type MenuCommand = 'openCase' | 'saveCase' | 'export' | 'about';

export interface IpcEvents {
  /** Files opened outside the window: File ▸ Open evidence…, a file association, a second launch. */
  'evidence:opened': { files: PickedFile[]; rejected: Array<{ name: string; error: AppError }> };
  'menu:command': { command: MenuCommand };
}

export type EventName = keyof IpcEvents;
const eventNames = { 'evidence:opened': true, 'menu:command': true } satisfies Record<EventName, true>;
export const EVENTS = Object.keys(eventNames) as EventName[];

/** `evidence:opened` → `onEvidenceOpened`. */
export type EventMethodName<E extends string> = E extends `${infer A}:${infer B}`
  ? `on${Capitalize<A>}${Capitalize<B>}`
  : never;

export function eventMethodName<E extends EventName>(event: E): EventMethodName<E> {
  const [a = '', b = ''] = event.split(':');
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  return `on${cap(a)}${cap(b)}` as EventMethodName<E>;
}

export type DiagEventApi = {
  readonly [E in EventName as EventMethodName<E>]: (listener: (payload: IpcEvents[E]) => void) => () => void;
};

/** Everything the preload exposes as `window.diag`: the request methods plus the event subscriptions. */
export type DiagBridge = DiagApi & DiagEventApi;
