import { evidenceOfKind } from '../model/evidence';
import type { ParamValue } from '../model/finding';
import { remediationById } from '../remediation/catalog';
import { SCRIPT_BLOCKS } from '../remediation/scripts/registry';
import { certificatesBySha1, selectIntermediates } from './select-intermediates';
import type { FixPackInput, FixPlan } from './types';

/** Exchange Online's inbound endpoint: a Send connector that smart-hosts here is the one that relays. */
const EOP_HOST = /\.mail\.protection\.outlook\.com$/i;

function firstString(values: readonly (ParamValue | undefined)[]): string | undefined {
  for (const v of values) if (typeof v === 'string' && v.length) return v;
  return undefined;
}

/**
 * Script block ids for the causes: each cause's remediation entries list their `scriptBlocks` in the
 * remediation catalog. An explicit `options.scriptBlocks` wins. The final verification always runs.
 */
function blockIds(input: FixPackInput): string[] {
  const wanted = new Set<string>(
    input.options?.scriptBlocks ??
      input.report.causes.flatMap((c) => c.remediation.flatMap((r) => remediationById(r)?.scriptBlocks ?? [])),
  );
  // A change to the stores or connectors is picked up for sure only after a transport restart (domain.md
  // §7.2 calls it a common precaution); fix.ps1 still restarts only on -RestartTransport and after asking.
  const changes = [...wanted].some((id) => id !== 'verifyChain' && id !== 'restartTransport');
  if (changes && input.options?.restartTransport !== false) wanted.add('restartTransport');
  wanted.add('verifyChain');
  // Registry order is execution order: import before pointing connectors at the certificate, restart last.
  return SCRIPT_BLOCKS.map((b) => b.id).filter((id) => wanted.has(id));
}

/** Makes the decisions every generator shares: what to import, which connectors, which leaf to verify. */
export function buildFixPlan(input: FixPackInput): FixPlan {
  const { report, evidence, options = {} } = input;
  const params = report.causes.map((c) => c.params ?? {});
  const settings = evidenceOfKind(evidence, 'settings');
  const certs = certificatesBySha1(evidence);
  const blocks = blockIds(input);

  const leafSha1 = (options.certificateThumbprint ?? firstString(params.map((p) => p['thumbprint'])) ?? report.chains[0]?.leaf)?.toUpperCase();
  const leaf = leafSha1 ? certs.get(leafSha1) : undefined;

  const sendConnector =
    options.sendConnector ??
    firstString(params.map((p) => p['sendConnector'])) ??
    settings.flatMap((s) => s.sendConnectors).find((c) => (c.smartHosts ?? []).some((h) => EOP_HOST.test(h)))?.name;

  const onPremises = settings.flatMap((s) => s.inboundConnectors).filter((c) => /onpremises/i.test(c.connectorType ?? ''));
  const inboundName =
    options.inboundConnector?.name ??
    firstString(params.map((p) => p['inboundConnector'])) ??
    (onPremises.length === 1 ? onPremises[0]?.name : undefined);
  const tlsName = options.inboundConnector?.tlsSenderCertificateName ?? firstString(params.map((p) => p['expectedName']));
  // Set-InboundConnector -SenderIPAddresses replaces the list: keep the addresses already listed and add the
  // one Exchange Online saw, so nothing that works today stops working; the admin prunes old ones later.
  const seenIp = firstString(params.map((p) => p['senderIp']));
  const listed = params.map((p) => p['listedIps']).find((v): v is readonly string[] => Array.isArray(v)) ?? [];
  const ips = options.inboundConnector?.senderIpAddresses ?? (seenIp ? [...new Set([...listed, seenIp])] : undefined);

  return {
    locale: input.locale,
    generatedAt: report.generatedAt,
    causeIds: report.causes.map((c) => c.id),
    blocks,
    // Only a pack that imports carries intermediates: a .cer nobody is told to import would only confuse.
    intermediates: blocks.includes('importIntermediates') ? [...(input.intermediates ?? selectIntermediates(report.chains, evidence))] : [],
    ...(leafSha1 ? { leafThumbprint: leafSha1 } : {}),
    ...(leaf ? { leaf } : {}),
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
  };
}
