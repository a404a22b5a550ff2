import dc from 'node:diagnostics_channel';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixture, LOOPBACK, startSmtp, PATIENT_MS } from './local-servers';

/**
 * Offline by default (architecture.md): importing the network service and using its offline helpers must not
 * open a socket. Node publishes every new client socket on `net.client.socket` and every HTTP request on
 * `http.client.request.start`; the last test is the control that shows the detector does see a connection.
 */
const opened: string[] = [];
const onSocket = (): void => void opened.push('socket');
const onHttp = (): void => void opened.push('http');
beforeAll(() => {
  dc.subscribe('net.client.socket', onSocket);
  dc.subscribe('http.client.request.start', onHttp);
});
afterAll(() => {
  dc.unsubscribe('net.client.socket', onSocket);
  dc.unsubscribe('http.client.request.start', onHttp);
});

const SOURCE = fileURLToPath(new URL('../../../../../electron/services/network/', import.meta.url));
const sources = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : []));

describe('network checks are off until called', () => {
  it('opens no connection when the module is imported and its offline helpers are used', async () => {
    vi.resetModules();
    const network = await import('../../../../../electron/services/network/index');
    network.parseProbeTarget('contoso-com.mail.protection.outlook.com:25');
    network.aiaCaIssuerUrls(fixture('int.cer'));
    network.signedBy(fixture('int.cer'), fixture('int.cer'));
    await new Promise((r) => setTimeout(r, 50));
    expect(opened).toEqual([]);
  });

  it('never imports electron (the service runs in the CLI and tests too)', () => {
    for (const file of sources(SOURCE)) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from ['"]electron['"]/);
  });

  it('does see the connection a probe opens (control for the test above)', async () => {
    const server = await startSmtp({ key: fixture('server.key'), cert: fixture('server.pem') });
    try {
      const { probeSmtp } = await import('../../../../../electron/services/network/index');
      const r = await probeSmtp({ host: LOOPBACK, port: server.port, timeoutMs: PATIENT_MS });
      expect(r.ok).toBe(true);
      expect(opened).toContain('socket');
    } finally {
      await server.close();
    }
  });
});
