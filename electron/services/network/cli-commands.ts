import type { CertificateEvidence } from '../../../shared/x509/types';
import type { Locale } from '../../../shared/i18n/locales';
import { format } from '../../../shared/i18n/format';
import { terminalSafe, terminalSafeValues } from '../../../shared/report/terminal-safe';
import { probeSmtp, type ProbeDeps } from './probe-smtp';
import { fetchMissingIssuers } from './aia/missing-issuers';
import { downloadEvidence, probeEvidence } from './evidence';
import { parseProbeTarget, probeResultJson, probeSummary } from './cli-hooks';
import type { NetworkError } from './errors';

/** The slice of the CLI's io this module writes to (structurally the CLI's CliIo). */
export interface WriteIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** A network error as text: title, detail and the SMTP lines exchanged before it (indented). */
export function networkErrorText(locale: Locale, e: NetworkError): string {
  // Hosts, URLs, details and transcripts come from certificates and servers: one line each, no controls.
  const params = terminalSafeValues({ stage: '', detail: '', host: '', port: '', ...e.params });
  // The separator is the catalog's: French puts a no-break space before the colon.
  const lines = [format(locale, 'cli.networkError', { title: format(locale, `${e.code}.title`, params), detail: format(locale, `${e.code}.detail`, params) })];
  for (const l of e.transcript ?? []) lines.push(`    ${terminalSafe(l)}`);
  return lines.join('\n');
}

/**
 * `relay-doctor probe <host[:port]> [--json]`. Exit 0 when the probe completed, 1 when the network check
 * failed (the reason is printed), 2 when the target is not a host[:port].
 */
export async function runProbeCommand(target: string, opts: { readonly json: boolean; readonly timeoutMs?: number }, io: WriteIo, locale: Locale, deps: ProbeDeps = {}): Promise<number> {
  const parsed = parseProbeTarget(target);
  if (!parsed.ok) {
    io.stderr.write(networkErrorText(locale, parsed.error) + '\n');
    return 2;
  }
  const r = await probeSmtp({ ...parsed.value, ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}) }, deps);
  if (!r.ok) {
    io.stderr.write(networkErrorText(locale, r.error) + '\n');
    return 1;
  }
  if (opts.json) io.stdout.write(JSON.stringify(probeResultJson(r.value), null, 2) + '\n');
  else io.stdout.write(probeSummary(r.value).map((m) => format(locale, m.key, terminalSafeValues(m.params))).join('\n') + '\n');
  return 0;
}

export interface AnalyzeNetworkRequest {
  /** `--probe <host[:port]>`. */
  readonly probe?: string;
  /** `--fetch-aia`: download issuers missing from `evidence` (and from the probe capture). */
  readonly fetchAia: boolean;
  /** Certificate evidence already read from the inputs. */
  readonly evidence: readonly CertificateEvidence[];
  /** Trust anchors as Base64 DER: certificates they sign need no download. */
  readonly anchorsBase64?: readonly string[];
  readonly timeoutMs?: number;
  /** `--allow-private-aia`: a lab PKI whose AIA host has a private or loopback address. */
  readonly allowPrivateAia?: boolean;
}

/**
 * The extra evidence `analyze --probe … --fetch-aia` adds before the analyzers run: the probe capture
 * (origin 'probe') and every verified download (origin 'download'). Failures are returned, not thrown, so
 * the analysis still runs on what was read offline.
 */
export async function networkEvidenceForAnalyze(
  req: AnalyzeNetworkRequest,
  deps: ProbeDeps = {},
): Promise<{ readonly evidence: CertificateEvidence[]; readonly failures: NetworkError[] }> {
  const evidence: CertificateEvidence[] = [];
  const failures: NetworkError[] = [];
  if (req.probe !== undefined) {
    const target = parseProbeTarget(req.probe);
    const r = target.ok ? await probeSmtp({ ...target.value, ...(req.timeoutMs ? { timeoutMs: req.timeoutMs } : {}) }, deps) : target;
    if (r.ok) evidence.push(probeEvidence(r.value).evidence);
    else failures.push(r.error);
  }
  if (req.fetchAia) {
    const ders = [...req.evidence, ...evidence].flatMap((e) => e.certificates.map((c) => new Uint8Array(Buffer.from(c.derBase64, 'base64'))));
    const anchors = (req.anchorsBase64 ?? []).map((b) => new Uint8Array(Buffer.from(b, 'base64')));
    const got = await fetchMissingIssuers(ders, {
      anchors,
      ...(req.timeoutMs ? { timeoutMs: req.timeoutMs } : {}),
      ...(deps.lookup ? { lookup: deps.lookup } : {}),
      ...(req.allowPrivateAia ? { allowPrivateAddresses: true } : {}),
    });
    for (const f of got.fetched) evidence.push(downloadEvidence(f).evidence);
    failures.push(...got.failures.map((f) => f.error));
  }
  return { evidence, failures };
}
