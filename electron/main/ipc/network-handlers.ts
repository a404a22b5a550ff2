/**
 * The opt-in network checks over IPC (issue 9; architecture.md "Offline by default"). The page shows its own
 * notice first, but main does not rely on it: before any connection each handler asks `confirm` (main's
 * native dialog, ../consent/) with the exact host, port and values it will use, and a "no" returns
 * `consent.refused` without touching the network. The service functions are injected (`NetworkServices`) so
 * tests can give them short timeouts; the handlers otherwise only convert between IPC data (Base64) and the
 * services' bytes. The relay password is passed to the service and appears in no returned value, no dialog
 * and no log line.
 */
import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { NetworkCapture } from '../../../shared/network/capture';
import type { FetchIssuersView, RelayCredentialsRequest } from '../../../shared/network/ipc';
import type { NetworkError, RelayCredentials } from '../../../shared/network/types';
import { err, ok, type Result } from '../../../shared/result';
import {
  aiaCaIssuerUrls,
  DEFAULT_HELO_NAME,
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
import { CONSENT_REFUSED, type ConfirmConnection } from '../consent/connection-consent';

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

/** Port and TLS mode as the services would default them, made explicit so the consent names what is used. */
const SMTP_PORT = 25;
const IMPLICIT_TLS_PORT = 465;

const refused = (): { ok: false; error: { code: typeof CONSENT_REFUSED } } => err({ code: CONSENT_REFUSED });

/**
 * The downloads one request may make: for each certificate, its own AIA caIssuers URLs among those the admin
 * agreed to in the page (never a URL the page made up), in order, each URL once. The consent lists exactly
 * `urls`; nothing else is contacted but what the fetch service itself follows from them.
 */
function plannedDownloads(certificates: readonly string[], agreed: readonly string[]): { plan: { childDer: Uint8Array; urls: string[] }[]; urls: string[] } {
  const allowed = new Set(agreed);
  const seen = new Set<string>();
  const plan = certificates.map(fromBase64).map((childDer) => {
    const urls = aiaCaIssuerUrls(childDer).filter((u) => allowed.has(u) && !seen.has(u));
    for (const u of urls) seen.add(u);
    return { childDer, urls };
  });
  return { plan: plan.filter((p) => p.urls.length > 0), urls: [...seen] };
}

/**
 * One round of issuer downloads: each certificate's URLs tried in order until one gives an issuer that
 * verifies it. An issuer of that issuer needs a new click (and a new consent).
 */
async function fetchPlanned(services: NetworkServices, plan: readonly { childDer: Uint8Array; urls: string[] }[]): Promise<FetchIssuersView> {
  const captures: NetworkCapture[] = [];
  const failures: { url: string; error: NetworkError }[] = [];
  for (const { childDer, urls } of plan) {
    for (const url of urls) {
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

export function createNetworkHandlers(services: NetworkServices, confirm: ConfirmConnection): NetworkHandlers {
  return {
    'network:probe': async (req) => {
      const port = req.port ?? SMTP_PORT;
      const implicitTls = req.implicitTls ?? port === IMPLICIT_TLS_PORT;
      if (!(await confirm({ kind: 'probe', host: req.host, port, implicitTls, heloName: DEFAULT_HELO_NAME }))) return refused();
      const r = await services.probeSmtp({ host: req.host, port, implicitTls, heloName: DEFAULT_HELO_NAME });
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

    'network:fetchIssuers': async ({ certificates, urls }) => {
      const { plan, urls: planned } = plannedDownloads(certificates, urls);
      // Nothing to contact: no question, no connection.
      if (planned.length === 0) return ok({ captures: [], failures: [] });
      if (!(await confirm({ kind: 'aia', urls: planned }))) return refused();
      return ok(await fetchPlanned(services, plan));
    },

    'network:testRelay': async (req) => {
      const port = req.port ?? SMTP_PORT;
      const consent = { kind: 'relay', host: req.host, port, heloName: req.heloName, mailFrom: req.mailFrom, rcptTo: req.rcptTo } as const;
      if (!(await confirm(consent))) return refused();
      const r = await services.testRelay({ ...req, port, credentials: credentials(req.credentials) });
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
