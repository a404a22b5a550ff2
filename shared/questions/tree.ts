import type { Question } from './types';

/**
 * The questions the wizard asks where the evidence is silent (issue 6; domain.md §1.2–§1.3), in the order
 * they are asked. Each edge says why the question matters:
 * - sendingSystem: Exchange has a Send connector and transport events (C6); IIS and others do not.
 * - connectorType: certificate connectors fail on chain, name and domain (C1, C2, C4, C10, §10);
 *   IP connectors on the source IP and envelope sender (C3, C5).
 * - tlsSenderCertificateName: needed to compare the certificate's names (C2); irrelevant for IP connectors.
 * - recentRenewal: a renewal is the usual trigger of C2, C6 and §10; for IP connectors it only matters on
 *   Exchange, where the Send connector may still name the old certificate.
 * - internalMailFlows: on Exchange, internal mail failing too points at the on-premises certificate
 *   binding (event 12014, C6) rather than at the Exchange Online side.
 */
export const QUESTIONS: readonly Question[] = [
  {
    id: 'sendingSystem',
    input: 'choice',
    options: ['exchange', 'iis', 'other'],
    titleKey: 'questions.sendingSystem.title',
    helpKey: 'questions.sendingSystem.help',
    answeredBy: ['questions.answeredBy.protocolLog', 'questions.answeredBy.exchangeCmdlets', 'questions.answeredBy.transportEvents', 'questions.answeredBy.iisLog'],
  },
  {
    id: 'connectorType',
    input: 'choice',
    options: ['certificate', 'ip', 'unknown'],
    titleKey: 'questions.connectorType.title',
    helpKey: 'questions.connectorType.help',
    answeredBy: ['questions.answeredBy.inboundConnector'],
  },
  {
    id: 'tlsSenderCertificateName',
    input: 'text',
    titleKey: 'questions.tlsSenderCertificateName.title',
    helpKey: 'questions.tlsSenderCertificateName.help',
    answeredBy: ['questions.answeredBy.inboundConnector', 'questions.answeredBy.nameMismatch'],
    askWhen: (a) => a.connectorType !== 'ip',
  },
  {
    id: 'recentRenewal',
    input: 'yesNo',
    titleKey: 'questions.recentRenewal.title',
    helpKey: 'questions.recentRenewal.help',
    answeredBy: [],
    askWhen: (a) => a.connectorType !== 'ip' || a.sendingSystem === 'exchange',
  },
  {
    id: 'internalMailFlows',
    input: 'yesNo',
    titleKey: 'questions.internalMailFlows.title',
    helpKey: 'questions.internalMailFlows.help',
    answeredBy: [],
    askWhen: (a) => a.sendingSystem === 'exchange',
  },
];
