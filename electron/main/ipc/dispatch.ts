import type { Channel, ResponseOf } from '../../../shared/ipc/contract';
import { requestSchemas } from '../../../shared/ipc/schemas';
import { err } from '../../../shared/result';
import type { Handlers } from './handlers';

/**
 * Validates a raw request against the channel's schema and runs its handler, so that only values cross
 * the bridge: a bad payload is `ipc.invalidRequest`, a throwing handler is `ipc.failed` (logged here, not
 * sent — Electron would forward only the message, and that may hold paths). No `electron` import: the
 * Playwright harness calls this too.
 */
export async function dispatch<C extends Channel>(handlers: Handlers, channel: C, raw: unknown): Promise<ResponseOf<C>> {
  const parsed = requestSchemas[channel].safeParse(raw);
  if (!parsed.success) {
    return err({ code: 'ipc.invalidRequest', params: { channel } }) as ResponseOf<C>;
  }
  try {
    const handler = handlers[channel] as (req: unknown) => Promise<ResponseOf<C>>;
    return await handler(parsed.data);
  } catch (e) {
    console.error(`[ipc] handler for ${channel} threw`, e);
    return err({ code: 'ipc.failed', params: { channel } }) as ResponseOf<C>;
  }
}
