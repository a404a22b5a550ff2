import type { Result, AppError } from '../result';

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

/** A file the user picked in a native dialog; main reads only what the user chose. */
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
  'dialog:openEvidence': { req: { multi: boolean }; res: Result<PickedFile[], AppError> };
  'export:save': {
    req: { suggestedFolderName: string; files: ExportFile[]; overwrite: boolean };
    res: Result<{ folder: string; written: string[] }, AppError>;
  };
  'trust:anchors': { req: Record<string, never>; res: Result<TrustAnchorInfo[], AppError> };
}

export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = IpcContract[C]['req'];
export type ResponseOf<C extends Channel> = IpcContract[C]['res'];

/** `dialog:openEvidence` → `dialogOpenEvidence`. */
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
