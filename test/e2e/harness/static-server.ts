import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_HOST, APP_SCHEME } from '../../../electron/main/protocol/app-origin';
import { createRendererFileHandler } from '../../../electron/main/protocol/renderer-files';

/**
 * Serves the built renderer on 127.0.0.1 (file:// would block its module scripts and worker) through main's
 * own app:// handler (electron/main/protocol/renderer-files.ts): each request is handed to it as the same
 * path on app://relay-doctor, so the page gets exactly the app's files, content types and headers — the
 * CSP header included — and nothing outside `root` can be read through it.
 */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const serve = createRendererFileHandler(root);
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const answer = await serve(new Request(`${APP_SCHEME}://${APP_HOST}${path}`, { method: req.method ?? 'GET' }));
    res.writeHead(answer.status, { ...Object.fromEntries(answer.headers), 'Cache-Control': 'no-store' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
