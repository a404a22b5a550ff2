/**
 * The opt-in network checks over IPC (issue 9; architecture.md "Offline by default"). The renderer calls these
 * only after the admin agreed to a notice naming what will be contacted; each handler contacts exactly that.
 * The service functions are injected (`NetworkServices`) so tests can give them short timeouts; the handlers
 * themselves only convert between IPC data (Base64) and the services' bytes. The relay password is passed to
 * the service and appears in no returned value and no log line.
 */
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { NetworkCapture } from '../../../shared/network/capture';
import type { FetchIssuersView, RelayCredentialsRequest } from '../../../shared/network/ipc';
import type { NetworkError, RelayCredentials } from '../../../shared/network/types';
import { ok, type Result } from '../../../shared/result';
import {
  aiaCaIssuerUrls,
  fetchIssuer,
  probeSmtp,
  testRelay,
  type FetchedIssuer,
  type FetchIssuerRequest,
  type ProbeOptions,
  type ProbeResult,
  type TestRelayOptions,
  type TestRelayResult,
} from '../../services/network/index';

export interface NetworkServices {
  probeSmtp(opts: ProbeOptions): Promise<Result<ProbeResult, NetworkError>>;
  fetchIssuer(req: FetchIssuerRequest): Promise<Result<FetchedIssuer, NetworkError>>;
  testRelay(opts: TestRelayOptions): Promise<Result<TestRelayResult, NetworkError>>;
}

/** The real services with their default limits (electron/services/network/README.md). */
export const liveNetworkServices: NetworkServices = {
  probeSmtp: (opts) => probeSmtp(opts),
  fetchIssuer: (req) => fetchIssuer(req),
  testRelay: (opts) => testRelay(opts),
};

type NetworkChannel = Extract<Channel, `network:${string}`>;
export type NetworkHandlers = { readonly [C in NetworkChannel]: (req: RequestOf<C>) => Promise<ResponseOf<C>> };

const toBase64 = (der: Uint8Array): string => Buffer.from(der).toString('base64');
const fromBase64 = (b64: string): Uint8Array => new Uint8Array(Buffer.from(b64, 'base64'));

function credentials(c: RelayCredentialsRequest): RelayCredentials {
  return 'pfxBase64' in c ? { pfx: fromBase64(c.pfxBase64), password: c.password } : { certPem: c.certPem, keyPem: c.keyPem };
}

function downloadCapture(f: FetchedIssuer): NetworkCapture {
  return { source: f.url, origin: 'download', format: f.contentKind, originDetail: f.url, certificatesBase64: [toBase64(f.issuerDer)] };
}

/**
 * One round of issuer downloads limited to the URLs the admin agreed to: for each certificate, its own AIA
 * caIssuers URLs among `agreed`, tried in order until one gives an issuer that verifies it. An issuer of that
 * issuer needs a new click, so the notice always lists every URL before it is contacted.
 */
async function fetchAgreed(services: NetworkServices, certificates: readonly string[], agreed: readonly string[]): Promise<FetchIssuersView> {
  const allowed = new Set(agreed);
  const tried = new Set<string>();
  const captures: NetworkCapture[] = [];
  const failures: { url: string; error: NetworkError }[] = [];
  for (const childDer of certificates.map(fromBase64)) {
    for (const url of aiaCaIssuerUrls(childDer).filter((u) => allowed.has(u) && !tried.has(u))) {
      tried.add(url);
      const r = await services.fetchIssuer({ url, childDer });
      if (r.ok) {
        captures.push(downloadCapture(r.value));
        break;
      }
      failures.push({ url, error: r.error });
    }
  }
  return { captures, failures };
}

export function createNetworkHandlers(services: NetworkServices): NetworkHandlers {
  return {
    'network:probe': async (req) => {
      const r = await services.probeSmtp(req);
      if (!r.ok) return r;
      const { certificates, ...rest } = r.value;
      const where = `${rest.host}:${String(rest.port)}`;
      const capture: NetworkCapture = {
        source: `probe:${where}`,
        origin: 'probe',
        // A TLS Certificate message is an ordered DER list, as in a DER bundle.
        format: 'der',
        originDetail: where,
        certificatesBase64: certificates.map(toBase64),
      };
      return ok({ ...rest, capture });
    },

    'network:fetchIssuers': async ({ certificates, urls }) => ok(await fetchAgreed(services, certificates, urls)),

    'network:testRelay': async (req) => {
      const r = await services.testRelay({ ...req, credentials: credentials(req.credentials) });
      if (!r.ok) return r;
      // Listed field by field: nothing of the request (the password above all) can ride along by accident.
      const v = r.value;
      return ok({
        host: v.host,
        port: v.port,
        remoteAddress: v.remoteAddress,
        tls: v.tls,
        presentedCertificates: v.presentedCertificates ? v.presentedCertificates.map(toBase64) : null,
        steps: v.steps,
        outcome: v.outcome,
        timings: v.timings,
        transcript: v.transcript,
      });
    },
  };
}
