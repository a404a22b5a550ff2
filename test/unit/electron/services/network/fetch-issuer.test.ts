import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchIssuer } from '../../../../../electron/services/network/aia/fetch-issuer';
import { closedPort, fixture, LOOPBACK, pemDers, startHttp, PATIENT_MS } from './local-servers';

const child = pemDers(fixture('server.pem').toString())[0] ?? Buffer.alloc(0);
const intermediate = fixture('int.cer');
const send = (body: Buffer | string, type = 'application/pkix-cert') => (res: import('node:http').ServerResponse) =>
  res.writeHead(200, { 'content-type': type }).end(body);
const redirect = (to: string) => (res: import('node:http').ServerResponse) => res.writeHead(302, { location: to }).end();

/** The test servers listen on loopback, which only a lab PKI may use (the CLI's --allow-private-aia). */
const lab = { timeoutMs: PATIENT_MS, allowPrivateAddresses: true } as const;

let server: Awaited<ReturnType<typeof startHttp>>;
beforeAll(async () => {
  server = await startHttp({
    '/int.cer': send(intermediate),
    '/int.pem': send(fixture('int.pem'), 'application/x-pem-file'),
    '/int.p7c': send(fixture('int.p7c'), 'application/pkcs7-mime'),
    '/bundle.pem': send(Buffer.concat([fixture('impostor-int.pem'), fixture('int.pem')])),
    '/impostor.cer': send(fixture('impostor-int.pem')),
    '/page.html': send('<html><body>Sorry, this page moved</body></html>', 'text/html'),
    '/huge': send(Buffer.alloc(2 * 1024 * 1024, 0x30)),
    '/huge-stream': (res) => {
      res.writeHead(200, { 'content-type': 'application/pkix-cert' });
      for (let i = 0; i < 40; i++) res.write(Buffer.alloc(64 * 1024, 0x30));
      res.end();
    },
    '/loop': redirect('/loop'),
    '/hop1': redirect('/hop2'),
    '/hop2': redirect('/hop3'),
    '/hop3': redirect('/int.cer'),
    '/to-ldap': redirect('ldap://127.0.0.1/cn=Relay%20Doctor%20Test%20Intermediate?cACertificate'),
  });
});
afterAll(() => server.close());

describe('fetchIssuer', () => {
  it('returns the DER intermediate when it verifies the child signature', async () => {
    const r = await fetchIssuer({ url: `${server.base}/int.cer`, childDer: child }, lab);
    if (!r.ok) throw new Error(r.error.code);
    expect(Buffer.from(r.value.issuerDer)).toEqual(intermediate);
    expect(r.value.contentKind).toBe('der');
  });

  it.each([
    ['/int.pem', 'pem'],
    ['/int.p7c', 'pkcs7'],
  ])('reads %s as %s and picks the intermediate', async (path, kind) => {
    const r = await fetchIssuer({ url: `${server.base}${path}`, childDer: child }, lab);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.contentKind).toBe(kind);
    expect(Buffer.from(r.value.issuerDer)).toEqual(intermediate);
  });

  it('picks the certificate that really signed the child out of a bundle holding a same-named impostor', async () => {
    const r = await fetchIssuer({ url: `${server.base}/bundle.pem`, childDer: child }, lab);
    expect(r.ok && Buffer.from(r.value.issuerDer)).toEqual(intermediate);
  });

  it('follows up to three redirects and reports them', async () => {
    const r = await fetchIssuer({ url: `${server.base}/hop1`, childDer: child }, lab);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.redirects).toEqual([`${server.base}/hop2`, `${server.base}/hop3`, `${server.base}/int.cer`]);
  });

  it('reports network.aiaSignatureMismatch for an issuer with the right name and the wrong key', async () => {
    const r = await fetchIssuer({ url: `${server.base}/impostor.cer`, childDer: child }, lab);
    expect(!r.ok && r.error.code).toBe('network.aiaSignatureMismatch');
  });

  it('reports network.aiaHttpError with the status for a 404', async () => {
    const r = await fetchIssuer({ url: `${server.base}/gone.cer`, childDer: child }, lab);
    expect(!r.ok && r.error).toMatchObject({ code: 'network.aiaHttpError', params: { status: 404 } });
  });

  it('reports network.aiaNotCertificate for an HTML page', async () => {
    const r = await fetchIssuer({ url: `${server.base}/page.html`, childDer: child }, lab);
    expect(!r.ok && r.error.code).toBe('network.aiaNotCertificate');
  });

  it.each(['/huge', '/huge-stream'])('stops reading %s at the size limit with network.aiaTooLarge', async (path) => {
    const r = await fetchIssuer({ url: `${server.base}${path}`, childDer: child }, { ...lab, maxBytes: 1024 * 1024 });
    expect(!r.ok && r.error.code).toBe('network.aiaTooLarge');
  });

  it('gives up on a redirect loop after three hops with network.aiaTooManyRedirects', async () => {
    const before = server.hits.filter((h) => h === '/loop').length;
    const r = await fetchIssuer({ url: `${server.base}/loop`, childDer: child }, lab);
    expect(!r.ok && r.error.code).toBe('network.aiaTooManyRedirects');
    expect(server.hits.filter((h) => h === '/loop').length - before).toBe(4);
  });

  it('refuses a redirect to ldap: with network.aiaNotAllowedScheme', async () => {
    const r = await fetchIssuer({ url: `${server.base}/to-ldap`, childDer: child }, lab);
    expect(!r.ok && r.error).toMatchObject({ code: 'network.aiaNotAllowedScheme', params: { scheme: 'ldap' } });
  });

  it('refuses a file: URL without touching anything', async () => {
    const r = await fetchIssuer({ url: 'file:///etc/passwd', childDer: child });
    expect(!r.ok && r.error.code).toBe('network.aiaNotAllowedScheme');
  });

  it('reports network.aiaUnreachable (refused) when the AIA host does not answer', async () => {
    const r = await fetchIssuer({ url: `http://${LOOPBACK}:${String(await closedPort())}/int.cer`, childDer: child }, lab);
    expect(!r.ok && r.error).toMatchObject({ code: 'network.aiaUnreachable', params: { reason: 'refused' } });
  });

  it('reports network.aiaUnreachable (dns) for an internal host name that does not resolve here', async () => {
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND pki.corp.contoso.local'), { code: 'ENOTFOUND' });
    const lookup = ((_h: string, _o: unknown, cb: (e: Error) => void) => cb(notFound)) as never;
    const r = await fetchIssuer({ url: 'http://pki.corp.contoso.local/int.cer', childDer: child }, { timeoutMs: PATIENT_MS, lookup });
    expect(!r.ok && r.error).toMatchObject({ code: 'network.aiaUnreachable', params: { reason: 'dns', host: 'pki.corp.contoso.local' } });
  });

  it('downloads over https without trusting the server, because the signature check decides', async () => {
    const tlsServer = await startHttp({ '/int.cer': send(intermediate) }, { key: fixture('server.key'), cert: fixture('server.pem') });
    try {
      const r = await fetchIssuer({ url: `${tlsServer.base}/int.cer`, childDer: child }, lab);
      expect(r.ok && Buffer.from(r.value.issuerDer)).toEqual(intermediate);
    } finally {
      await tlsServer.close();
    }
  });
});
