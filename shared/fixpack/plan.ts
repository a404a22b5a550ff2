import { evidenceOfKind } from '../model/evidence';
import type { ParamValue } from '../model/finding';
import { remediationById } from '../remediation/catalog';
import { SCRIPT_BLOCKS } from '../remediation/scripts/registry';
import { quotePs, safeDisplay } from '../powershell/quote';
import type { CertificateRecord } from '../x509/types';
import { certificatesBySha1, selectIntermediates } from './select-intermediates';
import type { FixPackInput, FixPlan } from './types';

/** Exchange Online's inbound endpoint: a Send connector that smart-hosts here is the one that relays. */
export const EOP_HOST = /\.mail\.protection\.outlook\.com$/i;

function firstString(values: readonly (ParamValue | undefined)[]): string | undefined {
  for (const v of values) if (typeof v === 'string' && v.length) return v;
  return undefined;
}

/**
 * Script block ids for the causes: each cause's remediation entries list their `scriptBlocks` in the
 * remediation catalog. An explicit `options.scriptBlocks` wins. The final verification always runs.
 */
function blockIds(input: FixPackInput, legacyTls: boolean): string[] {
  const fromCauses = input.report.causes.flatMap((c) => c.remediation.flatMap((r) => remediationById(r)?.scriptBlocks ?? []));
  // The Schannel/.NET registry is changed only when the evidence shows TLS 1.0/1.1-only failures (§11.4):
  // TLS 1.2 is on by default since Windows Server 2012, so a missing STARTTLS is fixed by the relay's setting.
  const wanted = new Set<string>(input.options?.scriptBlocks ?? fromCauses.filter((id) => id !== 'enableTls12' || legacyTls));
  if (wanted.size === 0) return [];
  // A change to the stores or connectors is picked up for sure only after a transport restart (domain.md
  // §7.2 calls it a common precaution); fix.ps1 still restarts only on -RestartTransport and after asking.
  const changes = [...wanted].some((id) => id !== 'verifyChain' && id !== 'restartTransport');
  if (changes && input.options?.restartTransport !== false) wanted.add('restartTransport');
  wanted.add('verifyChain');
  // Registry order is execution order: import before pointing connectors at the certificate, restart last.
  return SCRIPT_BLOCKS.map((b) => b.id).filter((id) => wanted.has(id));
}

/** Exchange or IIS SMTP, from what the evidence holds: protocol logs and Exchange settings say which. */
export function relayPlatform(evidence: FixPackInput['evidence']): FixPlan['platform'] {
  const logs = evidenceOfKind(evidence, 'smtpLog');
  const settings = evidenceOfKind(evidence, 'settings');
  if (logs.some((l) => l.format === 'exchangeSend' || l.format === 'exchangeReceive')) return 'exchange';
  if (settings.some((s) => s.sendConnectors.length > 0 || s.exchangeCertificates.length > 0)) return 'exchange';
  if (logs.some((l) => l.format === 'iis')) return 'iis';
  return 'unknown';
}

/**
 * The server to act or collect on: the report's verdict when the diagnosis names one (findings.md
 * "verdict"; older reports have none), else the NDR's reporting MTA or generating server, which is the server
 * that tried to relay.
 */
function serverOf(input: FixPackInput): string | undefined {
  const named = input.report.verdict?.next.server;
  if (named) return named;
  for (const ndr of evidenceOfKind(input.evidence, 'ndr')) {
    for (const message of ndr.messages) {
      const name = message.reportingMta ?? message.generatingServer;
      if (name) return name.trim();
    }
  }
  return undefined;
}

/**
 * A value from the evidence that is to be written into a script is checked here, once: one that PowerShell
 * quoting cannot hold (NUL, line breaks, U+2028 …) is left out and named, so the rest of the pack is built.
 */
export class Omissions {
  readonly list: { field: string; codePoint: string }[] = [];
  keep(field: string, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    const q = quotePs(value);
    if (q.ok) return value;
    this.list.push({ field, codePoint: q.error.params.codePoint });
    return undefined;
  }
  keepAll(field: string, values: readonly string[] | undefined): readonly string[] | undefined {
    if (!values) return undefined;
    const kept = values.filter((v) => this.keep(field, v) !== undefined);
    return kept.length ? kept : undefined;
  }
  /** A certificate's subject only labels it in messages: an unsafe one is shown with its controls spelled out. */
  certificate(c: CertificateRecord): CertificateRecord {
    if (quotePs(c.subject).ok) return c;
    const q = quotePs(c.subject);
    if (!q.ok) this.list.push({ field: 'subject', codePoint: q.error.params.codePoint });
    return { ...c, subject: safeDisplay(c.subject) };
  }
}

/** Makes the decisions every generator shares: what to import, which connectors, which leaf to verify. */
export function buildFixPlan(input: FixPackInput): FixPlan {
  const { report, evidence, options = {} } = input;
  const params = report.causes.map((c) => c.params ?? {});
  const settings = evidenceOfKind(evidence, 'settings');
  const certs = certificatesBySha1(evidence);
  const legacyTls = report.findings.some((f) => f.id === 'smtp.legacyTls');
  const blocks = blockIds(input, legacyTls);
  const omissions = new Omissions();
  const server = omissions.keep('server', serverOf(input));

  const leafCandidate = (options.certificateThumbprint ?? firstString(params.map((p) => p['thumbprint'])) ?? report.chains[0]?.leaf)?.toUpperCase();
  // A thumbprint is 40 hex digits; anything else (a typed value, a damaged report) is no thumbprint at all.
  const leafSha1 = leafCandidate && /^[0-9A-F]{40}$/.test(leafCandidate) ? leafCandidate : undefined;
  const leaf = leafSha1 ? certs.get(leafSha1) : undefined;

  const sendConnector = omissions.keep('sendConnector',
    options.sendConnector ??
    firstString(params.map((p) => p['sendConnector'])) ??
    settings.flatMap((s) => s.sendConnectors).find((c) => (c.smartHosts ?? []).some((h) => EOP_HOST.test(h)))?.name);

  const onPremises = settings.flatMap((s) => s.inboundConnectors).filter((c) => /onpremises/i.test(c.connectorType ?? ''));
  const inboundName = omissions.keep('inboundConnector',
    options.inboundConnector?.name ??
    firstString(params.map((p) => p['inboundConnector'])) ??
    (onPremises.length === 1 ? onPremises[0]?.name : undefined));
  const tlsName = omissions.keep('expectedName', options.inboundConnector?.tlsSenderCertificateName ?? firstString(params.map((p) => p['expectedName'])));
  // Set-InboundConnector -SenderIPAddresses replaces the list: keep the addresses already listed and add the
  // one Exchange Online saw, so nothing that works today stops working; the admin prunes old ones later.
  const seenIp = firstString(params.map((p) => p['senderIp']));
  const listed = params.map((p) => p['listedIps']).find((v): v is readonly string[] => Array.isArray(v)) ?? [];
  const ips = omissions.keepAll('senderIp', options.inboundConnector?.senderIpAddresses ?? (seenIp ? [...new Set([...listed, seenIp])] : undefined));
  const intermediates = blocks.includes('importIntermediates')
    ? (input.intermediates ?? selectIntermediates(report.chains, evidence)).map((c) => omissions.certificate(c))
    : [];
  const leafRecord = leaf ? omissions.certificate(leaf) : undefined;
  // A pack holds a fix only when some cause's remediation has a script step (or the caller named blocks).
  const hasFix = (options.scriptBlocks?.length ?? 0) > 0 || report.causes.some((c) => c.remediation.some((r) => (remediationById(r)?.scriptBlocks.length ?? 0) > 0));

  return {
    locale: input.locale,
    // From a saved report these are data like any other: spelled out if they hold a control character.
    generatedAt: safeDisplay(report.generatedAt),
    causeIds: report.causes.map((c) => safeDisplay(c.id)),
    blocks: hasFix ? blocks : [],
    // Only a pack that imports carries intermediates: a .cer nobody is told to import would only confuse.
    intermediates: hasFix ? intermediates : [],
    ...(leafSha1 ? { leafThumbprint: leafSha1 } : {}),
    ...(leafRecord ? { leaf: leafRecord } : {}),
    ...(sendConnector ? { sendConnector } : {}),
    ...(inboundName || tlsName || ips
      ? {
          inboundConnector: {
            ...(inboundName ? { name: inboundName } : {}),
            ...(tlsName ? { tlsSenderCertificateName: tlsName } : {}),
            ...(ips ? { senderIpAddresses: ips } : {}),
          },
        }
      : {}),
    hasFix,
    platform: relayPlatform(input.evidence),
    ...(server ? { server } : {}),
    legacyTls,
    omitted: omissions.list,
  };
}
