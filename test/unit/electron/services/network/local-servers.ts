import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** Test helpers: every server here binds 127.0.0.1 on a free port and nothing else (workplace rule). */
export const LOOPBACK = '127.0.0.1';

/**
 * The per-stage timeout of checks that are expected to succeed (or to fail for another reason than time):
 * a guard against a hang, far above what a loopback server needs even on a busy two-core machine, so no
 * test depends on the machine's speed (issue 19 item 6). Tests that expect a timeout use silent servers
 * with short timeouts instead: those time out however fast the machine is.
 */
export const PATIENT_MS = 30_000;

const FIXTURES = fileURLToPath(new URL('../../../../fixtures/network/', import.meta.url));
export const fixture = (name: string): Buffer => readFileSync(FIXTURES + name);
export const fixtureText = (name: string): string => fixture(name).toString('utf8');

/** DER of every certificate in a PEM bundle, in file order. */
export function pemDers(pem: string): Buffer[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) =>
    Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'),
  );
}

export interface RunningSmtp {
  readonly port: number;
  /** Every command line the server parsed (`EHLO x`, `MAIL FROM:<…>`, …), in order. */
  readonly commands: string[];
  close(): Promise<void>;
}

/** Collects the `C:` lines smtp-server logs at debug level: the server's own record of what it was sent. */
function commandLogger(into: string[]) {
  const noop = (): void => undefined;
  return {
    debug: (_meta: unknown, ...parts: unknown[]) => {
      if (parts[0] === 'C:') into.push(String(parts[1] ?? ''));
    },
    info: noop,
    warn: noop,
    error: noop,
    trace: noop,
    fatal: noop,
    level: noop,
  };
}

export async function startSmtp(options: SMTPServerOptions): Promise<RunningSmtp> {
  const commands: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    logger: commandLogger(commands) as unknown as SMTPServerOptions['logger'],
    ...options,
    // smtp-server otherwise asks the system resolver for the client's PTR record: a packet to a DNS server
    // off this machine. Forced after the spread so no test can turn it back on.
    disableReverseLookup: true,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => resolve());
  });
  // Client-side failures the tests provoke on purpose (refused certificates, dropped sessions) surface here.
  server.on('error', () => undefined);
  const address = server.server.address() as net.AddressInfo;
  return {
    port: address.port,
    commands,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A raw TCP server on loopback whose connections are handled by `onSocket` (silent servers, garbage, …). */
export async function startRaw(onSocket: (s: net.Socket) => void): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    onSocket(s);
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port that was free a moment ago and now has no listener: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const r = await startRaw(() => undefined);
  await r.close();
  return r.port;
}

/** A loopback HTTP(S) server with a fixed route table; `hits` lists every path requested, in order. */
export async function startHttp(
  routes: Record<string, (res: import('node:http').ServerResponse) => void>,
  tlsOptions?: { key: Buffer; cert: Buffer },
): Promise<{ base: string; hits: string[]; close(): Promise<void> }> {
  const http = await import('node:http');
  const https = await import('node:https');
  const hits: string[] = [];
  const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void => {
    const path = req.url ?? '/';
    hits.push(path);
    const route = routes[path];
    if (route) route(res);
    else res.writeHead(404).end('not found');
  };
  const server = tlsOptions ? https.createServer(tlsOptions, handler) : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    base: `${tlsOptions ? 'https' : 'http'}://${LOOPBACK}:${String(port)}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A leaf issued by the test intermediate whose AIA caIssuers point at `urls` (a loopback port known only at
 * run time, so it cannot live in the committed fixtures). Made with openssl in `dir`; returns the DER.
 */
export function issueLeafWithAia(dir: string, urls: readonly string[]): Buffer {
  const aia = urls.map((u) => `caIssuers;URI:${u}`).join(',');
  writeFileSync(join(dir, 'ext'), `basicConstraints=CA:false\nauthorityKeyIdentifier=keyid\nauthorityInfoAccess=${aia}\n`);
  const run = (args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  run(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'k'), '-out', join(dir, 'csr'), '-subj', '/CN=aia.contoso.test']);
  run(['x509', '-req', '-in', join(dir, 'csr'), '-CA', FIXTURES + 'int.pem', '-CAkey', FIXTURES + 'int.key', '-set_serial', '7', '-days', '30', '-extfile', join(dir, 'ext'), '-outform', 'DER', '-out', join(dir, 'leaf.der')]);
  return readFileSync(join(dir, 'leaf.der'));
}
