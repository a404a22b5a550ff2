// Sandboxed preload (bundled to CommonJS: out/preload/index.cjs). It only exposes the contract's named
// methods and event subscriptions as `window.diag`; see bridge.ts.
import { contextBridge, ipcRenderer } from 'electron';
import { buildDiagBridge } from './bridge';

contextBridge.exposeInMainWorld('diag', buildDiagBridge(ipcRenderer));
