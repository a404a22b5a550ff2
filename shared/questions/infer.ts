import { evidenceOfKind, type Evidence } from '../model/evidence';
import type { Answers } from '../model/answers';
import type { Finding } from '../model/finding';
import { inboundConnectors, isEnabled, isOnPremises, relayConnectors } from '../diagnosis/evidence-facts';

/**
 * What the evidence already answers, so the wizard does not ask it (issue 6):
 * - sendingSystem: an Exchange protocol log, Get-SendConnector / Get-ExchangeCertificate output or an
 *   MSExchange* transport event says Exchange; an IIS SMTP log says IIS. Both at once: left to the admin.
 * - connectorType and tlsSenderCertificateName: from Get-InboundConnector's enabled OnPremises connectors
 *   (a TlsSenderCertificateName makes one certificate-based, else SenderIPAddresses makes it IP-based;
 *   a mix is left to the admin; connectors of unknown type count only when no OnPremises one is listed). A name-mismatch finding's `expected` param also gives the name.
 * - recentRenewal and internalMailFlows: no evidence answers them reliably; they are always asked.
 */
export function inferAnswers(evidence: readonly Evidence[], findings: readonly Finding[] = []): Answers {
  const sendingSystem = inferSendingSystem(evidence);
  // A narrowed Format-Table may leave ConnectorType out: then the enabled connectors of unknown type count.
  const known = relayConnectors(evidence).map((c) => c.item);
  const connectors =
    known.length > 0
      ? known
      : inboundConnectors(evidence).map((c) => c.item).filter((c) => isEnabled(c) && isOnPremises(c) === undefined);
  const certNames = [...new Set(connectors.flatMap((c) => (c.tlsSenderCertificateName ? [c.tlsSenderCertificateName] : [])))];
  const ipOnly = connectors.filter((c) => !c.tlsSenderCertificateName && (c.senderIpAddresses ?? []).length > 0);
  const connectorType =
    certNames.length > 0 && ipOnly.length === 0 ? 'certificate' : ipOnly.length > 0 && certNames.length === 0 ? 'ip' : undefined;
  const fromFindings = findings
    .filter((f) => f.id === 'cert.nameMismatch' || f.id === 'connector.nameMismatch')
    .map((f) => f.params['expected'])
    .find((v): v is string => typeof v === 'string' && v !== '');
  const name = certNames.length === 1 ? certNames[0] : fromFindings;
  return {
    ...(sendingSystem ? { sendingSystem } : {}),
    ...(connectorType ? { connectorType } : {}),
    ...(name ? { tlsSenderCertificateName: name } : {}),
  };
}

function inferSendingSystem(evidence: readonly Evidence[]): Answers['sendingSystem'] {
  const logs = evidenceOfKind(evidence, 'smtpLog');
  const exchange =
    logs.some((l) => l.format === 'exchangeSend' || l.format === 'exchangeReceive') ||
    evidenceOfKind(evidence, 'settings').some((s) => s.sendConnectors.length > 0 || s.exchangeCertificates.length > 0) ||
    evidenceOfKind(evidence, 'events').some((e) => e.records.some((r) => /^MSExchange/i.test(r.provider)));
  const iis = logs.some((l) => l.format === 'iis');
  if (exchange === iis) return undefined;
  return exchange ? 'exchange' : 'iis';
}

/**
 * The admin's answers over what the evidence implies: an explicit answer wins, except `connectorType:
 * 'unknown'`, which is no answer at all and so never hides what the evidence shows.
 */
export function combineAnswers(evidence: readonly Evidence[], findings: readonly Finding[], answers: Answers): Answers {
  const explicit = Object.fromEntries(
    Object.entries(answers).filter(([k, v]) => v !== undefined && !(k === 'connectorType' && v === 'unknown')),
  ) as Answers;
  const merged: Answers = { ...inferAnswers(evidence, findings), ...explicit };
  return merged.connectorType === undefined && answers.connectorType === 'unknown' ? { ...merged, connectorType: 'unknown' } : merged;
}
