import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** x509-limbo's testcase (limbo-schema.2023-12-02.json), the fields this suite uses. */
export interface LimboCase {
  readonly id: string;
  readonly features: readonly string[] | null;
  readonly validation_kind: 'SERVER' | 'CLIENT';
  readonly trusted_certs: readonly string[];
  readonly untrusted_intermediates: readonly string[];
  readonly peer_certificate: string;
  readonly validation_time: string | null;
  readonly expected_result: 'SUCCESS' | 'FAILURE';
  readonly expected_peer_name: { readonly kind: 'DNS' | 'IP' | 'RFC822'; readonly value: string } | null;
  readonly max_chain_depth: number | null;
}

export const LIMBO_DIR = fileURLToPath(new URL('../../../../shared/corpus/x509-limbo', import.meta.url));
const LIMBO_FILE = join(LIMBO_DIR, 'limbo.upstream-2023-12-02.json');
export const limboPresent = existsSync(LIMBO_FILE);

/** Every SERVER testcase of the suite (the only kind Relay Doctor judges: a certificate a host presents). */
export function serverCases(): LimboCase[] {
  const suite = JSON.parse(readFileSync(LIMBO_FILE, 'utf8')) as { testcases: LimboCase[] };
  return suite.testcases.filter((c) => c.validation_kind === 'SERVER');
}

/** The namespace of an id, `rfc5280::nc::x` → `rfc5280::nc`, `webpki::v1-cert` → `webpki`. */
export function categoryOf(id: string): string {
  const parts = id.split('::');
  return parts.slice(0, Math.max(1, parts.length - 1)).join('::');
}

/** The files of one case, as an admin would hand them over: leaf, intermediates (when any), roots. */
export interface CaseFiles {
  readonly leaf: string;
  readonly intermediates?: string;
  readonly roots: string;
  readonly at: Date;
}

const joinPem = (pems: readonly string[]) => pems.map((p) => p.trim() + '\n').join('');

export function writeCaseFiles(c: LimboCase, dir = mkdtempSync(join(tmpdir(), 'limbo-'))): CaseFiles {
  const leaf = join(dir, 'leaf.pem');
  writeFileSync(leaf, joinPem([c.peer_certificate]));
  const roots = join(dir, 'roots.pem');
  writeFileSync(roots, joinPem(c.trusted_certs));
  let intermediates: string | undefined;
  if (c.untrusted_intermediates.length > 0) {
    intermediates = join(dir, 'intermediates.pem');
    writeFileSync(intermediates, joinPem(c.untrusted_intermediates));
  }
  return { leaf, roots, at: c.validation_time ? new Date(c.validation_time) : new Date(), ...(intermediates ? { intermediates } : {}) };
}
