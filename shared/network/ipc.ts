import type { NetworkError, ProbeResult, RelayOutcome, RelayStep, StageTiming } from './types';
import type { NetworkCapture } from './capture';

/**
 * What the three opt-in network checks look like across IPC (`network:probe`, `network:fetchIssuers`,
 * `network:testRelay` in shared/ipc/contract.ts). Bytes travel as Base64 so the same values work through the
 * Playwright harness's JSON bindings; the relay's password goes in and never comes back.
 */

export interface ProbeRequest {
  readonly host: string;
  readonly port?: number;
  readonly implicitTls?: boolean;
}

/** ProbeResult minus raw bytes, plus the server's certificates as a capture ready to become evidence. */
export type ProbeView = Omit<ProbeResult, 'certificates'> & { readonly capture: NetworkCapture };

export interface FetchIssuersRequest {
  /** DER (Base64) of the certificates whose issuers are missing (shared/network/capture.ts `aiaChildren`). */
  readonly certificates: readonly string[];
  /**
   * The URLs the admin was shown and agreed to: main contacts no other AIA URL (only the redirects these
   * answer with, within the service's limit).
   */
  readonly urls: readonly string[];
}

export interface FetchIssuersView {
  readonly captures: readonly NetworkCapture[];
  readonly failures: ReadonlyArray<{ readonly url: string; readonly error: NetworkError }>;
}

export type RelayCredentialsRequest =
  | { readonly pfxBase64: string; readonly password: string }
  | { readonly certPem: string; readonly keyPem: string };

export interface TestRelayRequest {
  readonly host: string;
  readonly port?: number;
  readonly credentials: RelayCredentialsRequest;
  readonly heloName: string;
  readonly mailFrom: string;
  readonly rcptTo: string;
}

export interface TestRelayView {
  readonly host: string;
  readonly port: number;
  readonly remoteAddress: string;
  readonly tls: { readonly protocol: string; readonly cipher: string };
  /** DER (Base64) of what we presented, read back from our own handshake; null when it could not be read. */
  readonly presentedCertificates: readonly string[] | null;
  readonly steps: readonly RelayStep[];
  readonly outcome: RelayOutcome;
  readonly timings: readonly StageTiming[];
  readonly transcript: readonly string[];
}
