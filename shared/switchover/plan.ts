import { evidenceOfKind } from '../model/evidence';
import { err, ok, type Result } from '../result';
import { format } from '../i18n/format';
import { quotePs, safeDisplay } from '../powershell/quote';
import { EOP_HOST, Omissions, relayPlatform } from '../fixpack/plan';
import { certificatesBySha1, selectIntermediates } from '../fixpack/select-intermediates';
import { sendConnectors } from '../diagnosis/evidence-facts';
import type { SendConnector } from '../settings/types';
import type { SwitchOverError, SwitchOverInput, SwitchOverPlan } from './types';

/** The Send connector that relays through Exchange Online: the one named, else the one smart-hosting to EOP. */
function relayConnector(input: SwitchOverInput): SendConnector | undefined {
  const all = sendConnectors(input.evidence).map((c) => c.item);
  const wanted = input.options?.sendConnector;
  if (wanted) return all.find((c) => c.name === wanted) ?? { ref: '', name: wanted };
  return all.find((c) => c.enabled !== false && (c.smartHosts ?? []).some((h) => EOP_HOST.test(h.trim())));
}

/**
 * Makes the decisions the switch-over scripts and guide share: which certificate (the pre-flight's, found in
 * its own file by thumbprint), which intermediates (those of its chain the evidence holds the DER of, as the
 * fix pack selects them), which relay, which Send connector. Fails only when the evidence does not hold the
 * certificate the pre-flight judged, or that certificate is self-signed (Exchange Online never accepts one).
 */
export function buildSwitchOverPlan(input: SwitchOverInput): Result<SwitchOverPlan, SwitchOverError> {
  const { preflight, evidence, options = {} } = input;
  const sha1 = preflight.certificate.sha1.toUpperCase();
  const file = evidenceOfKind(evidence, 'certificates').find((e) => e.source === preflight.certificate.file && e.certificates.some((c) => c.sha1.toUpperCase() === sha1));
  const certificate = certificatesBySha1(file ? [file] : []).get(sha1);
  if (!file || !certificate) return err({ code: 'switchover.noCertificate', params: { file: preflight.certificate.file, thumbprint: sha1 } });
  if (certificate.selfSigned) return err({ code: 'switchover.selfSigned', params: { subject: safeDisplay(certificate.subject) } });

  const omissions = new Omissions();
  const chains = input.chains.filter((c) => c.leaf.toUpperCase() === sha1);
  const intermediates = selectIntermediates(chains, evidence).map((c) => omissions.certificate(c));
  const connector = relayConnector(input);
  const platform = options.platform ?? (relayPlatform(evidence) === 'iis' ? 'iis' : 'exchange');
  const sendConnector = platform === 'exchange' ? omissions.keep('sendConnector', connector?.name) : undefined;
  const current = platform === 'exchange' ? omissions.keep('currentTlsCertificateName', connector?.tlsCertificateName) : undefined;
  const servers = platform === 'exchange' ? (omissions.keepAll('sourceTransportServers', connector?.sourceTransportServers) ?? []) : [];
  // The file name is what the admin copies next to the script; one that cannot be quoted is left out and
  // the script asks for -PfxPath instead.
  const pfxFile = file.format === 'pkcs12' ? omissions.keep('pfxFile', preflight.certificate.file) : undefined;
  // The name Set-SendConnector gets is the certificate's own: without it there is nothing to switch to.
  const quoted = quotePs(certificate.sendConnectorName);
  if (!quoted.ok) return err(quoted.error);
  const tlsCertificateName = certificate.sendConnectorName;

  return ok({
    locale: input.locale,
    generatedAt: safeDisplay(preflight.generatedAt),
    platform,
    verdict: preflight.verdict,
    // The checks by their titles in the pack's language: the guide and the script's warning name them in words.
    failed: preflight.failed.map((id) => safeDisplay(format(input.locale, `${id}.title`))),
    certificate: omissions.certificate(certificate),
    tlsCertificateName,
    ...(pfxFile ? { pfxFile } : {}),
    intermediates,
    ...(sendConnector ? { sendConnector } : {}),
    ...(current ? { currentTlsCertificateName: current } : {}),
    sourceServers: servers,
    omitted: omissions.list,
  });
}
