import { spawnSync } from 'node:child_process';
import type { CaseFiles, LimboCase } from './cases';

export const opensslVersion = (): string | null => {
  const r = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  // "OpenSSL 3.0.19 27 Jan 2026 (Library: …)" → "OpenSSL 3.0.19": the column header.
  return r.status === 0 ? r.stdout.trim().split(/\s+/).slice(0, 2).join(' ') : null;
};

/**
 * OpenSSL's answer with the same inputs: `openssl verify -x509_strict -purpose sslserver`, the roots as the
 * only trust (no default store), the intermediates untrusted, the case's time, peer name and depth.
 */
export function opensslVerdict(c: LimboCase, files: CaseFiles): 'SUCCESS' | 'FAILURE' {
  const args = ['verify', '-x509_strict', '-purpose', 'sslserver', '-no-CApath', '-no-CAstore',
    '-CAfile', files.roots, '-attime', String(Math.floor(files.at.getTime() / 1000))];
  if (files.intermediates) args.push('-untrusted', files.intermediates);
  const name = c.expected_peer_name;
  if (name?.kind === 'DNS') args.push('-verify_hostname', name.value);
  if (name?.kind === 'IP') args.push('-verify_ip', name.value);
  if (name?.kind === 'RFC822') args.push('-verify_email', name.value);
  if (c.max_chain_depth !== null) args.push('-verify_depth', String(c.max_chain_depth));
  args.push(files.leaf);
  const r = spawnSync('openssl', args, { encoding: 'utf8', timeout: 30_000 });
  return r.status === 0 ? 'SUCCESS' : 'FAILURE';
}
