import type { Page } from '@playwright/test';
import { CHANNELS, EVENTS, methodName, eventMethodName, type Channel } from '../../../shared/ipc/contract';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import type { Handlers } from '../../../electron/main/ipc/handlers';

/**
 * Bytes cross the Playwright binding as `{ __bytes: base64 }`: the binding transport is JSON-like, and
 * the contract carries Uint8Array (picked files, exported bytes). Both sides apply the same codec.
 */
type Wire = unknown;

export function encodeWire(value: unknown): Wire {
  if (value instanceof Uint8Array) return { __bytes: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(encodeWire);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeWire(v)]));
  }
  return value;
}

export function decodeWire(value: Wire): unknown {
  if (Array.isArray(value)) return value.map(decodeWire);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.__bytes === 'string' && Object.keys(o).length === 1) return new Uint8Array(Buffer.from(o.__bytes, 'base64'));
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, decodeWire(v)]));
  }
  return value;
}

/** Runs in the page before any app script: builds `window.diag` exactly as the preload's bridge shapes it. */
function installDiag(spec: { methods: Array<[string, string]>; events: Array<[string, string]> }): void {
  const w = window as unknown as Record<string, unknown>;
  // Looked up per call: the binding is installed by Playwright, and its order against this script is not ours.
  const invoke = (channel: string, req: unknown): Promise<unknown> =>
    (w.__diagInvoke as (c: string, r: unknown) => Promise<unknown>)(channel, req);
  const toB64 = (bytes: Uint8Array): string => {
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(bin);
  };
  const enc = (v: unknown): unknown => {
    if (v instanceof Uint8Array) return { __bytes: toB64(v) };
    if (Array.isArray(v)) return v.map(enc);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, enc(x)]));
    return v;
  };
  const dec = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(dec);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.__bytes === 'string' && Object.keys(o).length === 1) {
        return Uint8Array.from(atob(o.__bytes), (c) => c.charCodeAt(0));
      }
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, dec(x)]));
    }
    return v;
  };
  const api: Record<string, unknown> = {};
  for (const [channel, method] of spec.methods) api[method] = async (req: unknown) => dec(await invoke(channel, enc(req)));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  for (const [event, method] of spec.events) {
    listeners.set(event, new Set());
    api[method] = (fn: (payload: unknown) => void) => {
      listeners.get(event)?.add(fn);
      return () => listeners.get(event)?.delete(fn);
    };
  }
  // The harness's stand-in for main→renderer pushes (webContents.send in the app).
  w.__diagEmit = (event: string, payload: unknown) => listeners.get(event)?.forEach((fn) => fn(dec(payload)));
  Object.defineProperty(window, 'diag', { value: Object.freeze(api), enumerable: true });
}

/**
 * Binds `window.diag` in a page to the real main-process handlers through the same `dispatch()` main uses
 * (schema validation, error shielding); only the transport and the sender check differ from Electron.
 */
export async function bindDiag(page: Page, handlers: Handlers): Promise<void> {
  await page.exposeBinding('__diagInvoke', async (_source, channel: string, req: Wire) => {
    if (!(CHANNELS as readonly string[]).includes(channel)) return encodeWire({ ok: false, error: { code: 'ipc.invalidRequest' } });
    return encodeWire(await dispatch(handlers, channel as Channel, decodeWire(req)));
  });
  await page.addInitScript(installDiag, {
    methods: CHANNELS.map((c) => [c, methodName(c)] as [string, string]),
    events: EVENTS.map((e) => [e, eventMethodName(e)] as [string, string]),
  });
}
