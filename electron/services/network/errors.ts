import type { NetworkError, NetworkErrorCode, NetworkStage } from '../../../shared/network/types';

export type { NetworkError, NetworkErrorCode, NetworkStage };

export function networkError(
  code: NetworkErrorCode,
  params: Record<string, string | number> = {},
  transcript?: readonly string[],
): NetworkError {
  return transcript ? { code, params, transcript: [...transcript] } : { code, params };
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NODATA', 'EAI_FAIL', 'EAI_NONAME', 'ENODATA']);
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'ENETDOWN', 'EHOSTDOWN']);

/**
 * Maps a Node socket error to a stable code. Errors from the TLS layer (OpenSSL `ERR_SSL_*`, alerts) become
 * tlsFailed; resets and early closes during SMTP are protocol errors because the server hung up on us.
 */
export function codeForSocketError(error: unknown, stage: NetworkStage): NetworkErrorCode {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (DNS_CODES.has(code)) return 'network.dnsFailed';
  if (code === 'ECONNREFUSED') return 'network.refused';
  if (code === 'ETIMEDOUT') return 'network.timeout';
  if (UNREACHABLE_CODES.has(code)) return 'network.unreachable';
  if (stage === 'tls' || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')) return 'network.tlsFailed';
  if (stage === 'connect' || stage === 'dns') return 'network.unreachable';
  return 'network.protocolError';
}

export function detailOf(error: unknown): string {
  if (error instanceof Error) return 'code' in error && error.code ? `${String(error.code)}: ${error.message}` : error.message;
  return String(error);
}
