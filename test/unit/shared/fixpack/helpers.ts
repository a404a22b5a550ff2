import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Language, Parser, type Node } from 'web-tree-sitter';
import type { CertificateRecord, CertificateEvidence } from '../../../../shared/x509/types';
import { decodeCertificate } from '../../../../shared/x509/decode-certificate';
import type { CauseReport, ChainReport, Report } from '../../../../shared/model/report';
import { REPORT_SCHEMA } from '../../../../shared/model/report';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/fixpack/', import.meta.url));

export function fixturePath(name: string): string {
  return FIXTURES + name;
}

/** A CertificateRecord for a PEM fixture, decoded by the project's own decoder (shared/x509). */
export function record(pemFile: string): CertificateRecord {
  const der = new X509Certificate(readFileSync(fixturePath(pemFile))).raw;
  const r = decodeCertificate(new Uint8Array(der));
  if (!r.ok) throw new Error(`fixture ${pemFile} does not decode: ${r.error.code}`);
  return r.value;
}

export const LEAF = record('leaf.pem');
export const INTERMEDIATE = record('intermediate.pem');
export const ROOT = record('root.pem');

/** What reading server.pfx gives: all three certificates, the key noted by thumbprint only. */
export function pfxEvidence(): CertificateEvidence {
  return {
    kind: 'certificates',
    id: 'server.pfx',
    source: 'server.pfx',
    origin: 'file',
    certificates: [LEAF, INTERMEDIATE, ROOT],
    privateKeyFor: LEAF.sha1,
  };
}

export function cause(id: string, remediation: string[], params: CauseReport['params'] = {}): CauseReport {
  return { id, confidence: 'likely', findings: [], remediation, title: id, detail: id, params, evidence: [] };
}

/** A report as the engine would make it for the leaf + intermediate of server.pfx. */
export function report(causes: CauseReport[], chains?: ChainReport[]): Report {
  return {
    schema: REPORT_SCHEMA,
    generatedAt: '2026-11-28T12:00:00.000Z',
    validationTime: '2026-11-28T12:00:00.000Z',
    locale: 'en',
    inputs: [{ file: 'server.pfx', kind: 'certificates', status: 'ok', items: 3 }],
    certificates: [],
    chains: chains ?? [{ leaf: LEAF.sha1, path: [LEAF.sha1, INTERMEDIATE.sha1, ROOT.sha1], status: 'untrusted', trustStore: 'mozilla' }],
    findings: [],
    causes,
  };
}

/**
 * Every cause of findings.md with the remediation ids and params its cause rule gives (shared/diagnosis),
 * one fix pack per cause in the tests. Connector names carry an apostrophe on purpose.
 */
export const CAUSE_CASES: ReadonlyArray<{ id: string; remediation: string[]; params?: CauseReport['params'] }> = [
  { id: 'cause.intermediatesNotSent', remediation: ['remediation.importIntermediates'], params: { thumbprint: LEAF.sha1, missingIssuer: INTERMEDIATE.subject } },
  { id: 'cause.certificateNameMismatch', remediation: ['remediation.fixConnectorName'], params: { inboundConnector: "Relay from O'Brien's server", expectedName: 'relay.contoso.com' } },
  { id: 'cause.senderIpChanged', remediation: ['remediation.updateSenderIp'], params: { inboundConnector: 'On-prem relay', senderIp: '198.51.100.25', listedIps: ['203.0.113.7'] } },
  { id: 'cause.certificateDomainNotAccepted', remediation: ['remediation.addAcceptedDomain'], params: { certificateDomain: 'relay.contoso.com', suggestedDomain: 'contoso.com' } },
  { id: 'cause.envelopeSenderNotAccepted', remediation: ['remediation.fixEnvelopeSender'], params: { envelopeSender: 'scanner@fabrikam.example' } },
  { id: 'cause.wrongCertificatePresented', remediation: ['remediation.fixSendConnectorCertificate'], params: { sendConnector: 'Outbound to Office 365', thumbprint: LEAF.sha1 } },
  { id: 'cause.noMatchingConnector', remediation: ['remediation.fixInboundConnector'] },
  { id: 'cause.noTls', remediation: ['remediation.enableTls'] },
  { id: 'cause.sharedAttribution', remediation: ['remediation.uniqueCertificatePerTenant'], params: { sendConnector: 'Outbound to Office 365', inboundConnector: 'Tenant A relay', expectedName: 'relay.contoso.com' } },
  { id: 'cause.certificateInvalid', remediation: ['remediation.renewCertificate'], params: { thumbprint: LEAF.sha1, sendConnector: 'Outbound to Office 365' } },
  { id: 'cause.clientAuthEkuMissing', remediation: ['remediation.clientAuthCertificate'], params: { thumbprint: LEAF.sha1 } },
];

let parser: Parser | null = null;

/** tree-sitter-powershell through web-tree-sitter (toolchain.md): no PowerShell is installed here. */
export async function psParser(): Promise<Parser> {
  if (parser) return parser;
  await Parser.init();
  const lang = await Language.load(fileURLToPath(new URL('../../../../node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm', import.meta.url)));
  parser = new Parser();
  parser.setLanguage(lang);
  return parser;
}

/** Every ERROR or MISSING node with its line, for a readable failure message. */
export function syntaxProblems(root: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.isError || n.isMissing) out.push(`${n.isMissing ? 'MISSING' : 'ERROR'} at line ${n.startPosition.row + 1}: ${n.text.slice(0, 80)}`);
    for (const c of n.children) if (c) walk(c);
  };
  walk(root);
  return out;
}
