import type { AppError } from '../result';

/**
 * Plain data of the opt-in network checks (electron/services/network): what crosses IPC, goes into the CLI's
 * JSON and reaches the renderer. Pure types, so the IPC contract and the UI can use them without Node.
 */

/** Stable codes; each is an i18n key prefix in locales/<lang>/network.json (`<code>.title`, `<code>.detail`). */
export type NetworkErrorCode =
  | 'network.invalidTarget'
  | 'network.invalidAddress'
  | 'network.dnsFailed'
  | 'network.refused'
  | 'network.unreachable'
  | 'network.timeout'
  | 'network.noStartTls'
  | 'network.tlsFailed'
  | 'network.protocolError'
  | 'network.clientCredentialsInvalid'
  | 'network.aiaNotAllowedScheme'
  | 'network.aiaTooManyRedirects'
  | 'network.aiaHttpError'
  | 'network.aiaTooLarge'
  | 'network.aiaNotCertificate'
  | 'network.aiaSignatureMismatch'
  | 'network.aiaUnreachable'
  | 'network.aiaUserinfo'
  | 'network.aiaPrivateAddress'
  | 'network.aiaRedirectOtherHost';

/** Where in a conversation something happened (also the keys of the per-stage timings). */
export type NetworkStage =
  | 'dns'
  | 'connect'
  | 'banner'
  | 'ehlo'
  | 'starttls'
  | 'tls'
  | 'ehloTls'
  | 'mailFrom'
  | 'rcptTo'
  | 'quit'
  | 'download';

export interface NetworkError extends AppError {
  readonly code: NetworkErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The SMTP lines exchanged before the failure (`S: …` / `C: …`): often the best clue for the admin. */
  readonly transcript?: readonly string[];
}

/** One SMTP reply (RFC 5321 §4.2): a code, the enhanced status code if any (RFC 3463), and its text lines. */
export interface SmtpReply {
  readonly code: number;
  /** `5.7.64` in `550 5.7.64 TenantAttribution; Relay Access Denied`. */
  readonly enhanced?: string;
  readonly lines: readonly string[];
}

export interface StageTiming {
  readonly stage: NetworkStage;
  readonly ms: number;
}

/** How the peer's list was obtained: from the raw handshake (exact), or Node's issuer walk (fallback, re-ordered). */
export type ChainCapture = 'handshake' | 'issuerWalk';

export interface ProbeOptions {
  readonly host: string;
  /** 25 unless given; 465 implies implicit TLS unless `implicitTls` says otherwise. */
  readonly port?: number;
  readonly implicitTls?: boolean;
  /** Per stage (connect, each reply, the handshake), not for the whole probe. */
  readonly timeoutMs?: number;
  /** SNI name; defaults to `host` when it is a name (SNI carries no IP addresses). */
  readonly servername?: string;
  readonly heloName?: string;
}

export interface ProbeResult {
  readonly host: string;
  readonly port: number;
  readonly implicitTls: boolean;
  readonly remoteAddress: string;
  /** The 220 greeting's text lines. */
  readonly banner: readonly string[];
  readonly capabilities: readonly string[];
  readonly capabilitiesAfterTls: readonly string[];
  readonly tls: { readonly protocol: string; readonly cipher: string; readonly cipherStandardName: string };
  /**
   * The certificates the server sent, DER, in its order. This is the server's RECEIVING side; for the
   * question "what does it send when it relays" it is a stand-in (domain.md): Exchange picks the Send
   * connector's certificate, and Schannel builds the outgoing chain from the same machine stores.
   */
  readonly certificates: readonly Uint8Array[];
  readonly chainCapture: ChainCapture;
  readonly timings: readonly StageTiming[];
  readonly transcript: readonly string[];
}

export interface FetchIssuerRequest {
  /** An AIA caIssuers URL of `childDer`. */
  readonly url: string;
  /** The certificate whose issuer is wanted: the download is used only if it verifies this signature. */
  readonly childDer: Uint8Array;
}

export interface FetchedIssuer {
  readonly url: string;
  readonly finalUrl: string;
  readonly redirects: readonly string[];
  readonly contentKind: 'der' | 'pem' | 'pkcs7';
  /** The one downloaded certificate that signed the child. */
  readonly issuerDer: Uint8Array;
  readonly bytes: number;
  readonly ms: number;
}

/**
 * The relay's client certificate: a PFX with its password, or PEM certificate + key. Put the intermediates
 * in the PFX or after the leaf in `certPem`: they are sent as the chain, which is the point of the test.
 */
export type RelayCredentials =
  | { readonly pfx: Uint8Array; readonly password: string }
  | { readonly certPem: string; readonly keyPem: string };

export interface TestRelayOptions {
  /** The smart host, e.g. `contoso-com.mail.protection.outlook.com`. */
  readonly host: string;
  readonly port?: number;
  readonly credentials: RelayCredentials;
  readonly heloName: string;
  readonly mailFrom: string;
  readonly rcptTo: string;
  readonly timeoutMs?: number;
  readonly servername?: string;
}

export interface RelayStep {
  readonly stage: NetworkStage;
  readonly reply: SmtpReply;
}

/** accepted: RCPT got 2xx. tenantAttributionDenied: a 5.7.64 reply. rejected: anything else that refused. */
export type RelayOutcome = 'accepted' | 'tenantAttributionDenied' | 'rejected';

export interface TestRelayResult {
  readonly host: string;
  readonly port: number;
  readonly remoteAddress: string;
  readonly tls: { readonly protocol: string; readonly cipher: string };
  /** Exactly what we presented (client certificate, then its chain), read back from our own handshake bytes. */
  readonly presentedCertificates: readonly Uint8Array[] | null;
  readonly serverCertificates: readonly Uint8Array[];
  readonly steps: readonly RelayStep[];
  readonly outcome: RelayOutcome;
  readonly timings: readonly StageTiming[];
  readonly transcript: readonly string[];
}

/**
 * Limits of the AIA download (electron/services/network/aia): shared so the renderer's consent notice can
 * state the redirect limit main actually enforces.
 */
export const AIA_LIMITS = { maxBytes: 1024 * 1024, timeoutMs: 10_000, maxRedirects: 3 } as const;
