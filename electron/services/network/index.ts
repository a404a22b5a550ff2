/**
 * Opt-in network checks (architecture.md "Offline by default"). Importing this module opens nothing: every
 * connection starts inside one of the three functions below, which the app calls only after the admin
 * clicks and the CLI only with `probe`, `--probe` or `--fetch-aia`. Node-only; never imports electron.
 */
export { probeSmtp, DEFAULT_TIMEOUT_MS, DEFAULT_HELO_NAME, type ProbeOptions, type ProbeDeps, type ProbeResult } from './probe-smtp';
export { fetchIssuer, signedBy, AIA_LIMITS, type FetchIssuerRequest, type FetchIssuerOptions, type FetchedIssuer } from './aia/fetch-issuer';
export { fetchMissingIssuers, plannedAiaUrls, aiaCaIssuerUrls, type MissingIssuerOptions, type MissingIssuerReport } from './aia/missing-issuers';
export { testRelay, type TestRelayOptions, type TestRelayResult, type RelayOutcome, type RelayStep } from './relay/test-relay';
export type { RelayCredentials } from './relay/client-credentials';
export { probeEvidence, downloadEvidence, type DecodeCertificate, type EvidenceConversion } from './evidence';
export { parseProbeTarget, probeResultJson, probeSummary, relaySummary, type ProbeTarget, type NetworkMessage } from './cli-hooks';
export { runProbeCommand, networkEvidenceForAnalyze, networkErrorText, type AnalyzeNetworkRequest, type WriteIo } from './cli-commands';
export type { NetworkError, NetworkErrorCode, NetworkStage } from './errors';
export type { ChainCapture } from './tls/start-tls';
export type { SmtpReply } from './smtp/reply';
export type { StageTiming } from './smtp/session';
