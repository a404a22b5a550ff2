import {
  CHANNEL_PREFIX,
  CHANNELS,
  EVENT_PREFIX,
  EVENTS,
  eventMethodName,
  methodName,
  type DiagBridge,
} from '../../shared/ipc/contract';

/** The two things the bridge needs from a transport: ipcRenderer in Electron, a stand-in in tests. */
export interface BridgeTransport {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/**
 * Builds `window.diag` from the contract: one named method per channel and one `on…` subscription per
 * event, nothing else (no generic invoke/send reaches the page). Listeners receive only the payload — the
 * Electron event would hand the page a reference to `sender`. The object is frozen.
 */
export function buildDiagBridge(transport: BridgeTransport): DiagBridge {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    // Exactly one argument is forwarded, whatever the page passes.
    api[methodName(channel)] = (request: unknown) => transport.invoke(CHANNEL_PREFIX + channel, request);
  }
  for (const event of EVENTS) {
    api[eventMethodName(event)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
      transport.on(EVENT_PREFIX + event, wrapped);
      return () => void transport.removeListener(EVENT_PREFIX + event, wrapped);
    };
  }
  return Object.freeze(api) as DiagBridge;
}
