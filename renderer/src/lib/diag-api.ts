import type { DiagBridge } from '../../../shared/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the preload (electron/preload) or, in the e2e harness, bound to the same handlers. */
    readonly diag?: DiagBridge;
  }
}

/** The main-process API, or null when the renderer runs without a preload (plain browser, jsdom). */
export function diagApi(): DiagBridge | null {
  return typeof window !== 'undefined' && window.diag ? window.diag : null;
}
