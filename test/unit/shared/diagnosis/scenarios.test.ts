import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../../../shared/engine/run';
import type { TrustAnchor } from '../../../../shared/model/analyzer';
import type { Answers } from '../../../../shared/model/answers';
import { verdict } from '../../../../shared/diagnosis/verdict';

/**
 * Whole-engine scenarios: real fixture files of different kinds (certificates made with OpenSSL, synthetic
 * Exchange/IIS logs, NDRs, a built .evtx) read by the registered readers, judged by the registered analyzers,
 * then diagnosed. These prove the cause rules work with what the analyzers really emit.
 */
const FIXTURES = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const file = (path: string) => ({ name: path.split('/').pop() ?? path, bytes: new Uint8Array(readFileSync(FIXTURES + path)) });
const pemBody = (pem: string) => pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
/** The fixtures' private test root, trusted as a user would add it. */
const ANCHORS: TrustAnchor[] = [{ derBase64: pemBody(readFileSync(FIXTURES + 'certs/root.pem', 'utf8')), store: 'user' }];
const NOW = new Date('2026-06-01T00:00:00Z');

async function diagnoseFiles(paths: string[], answers: Answers = {}, expectName?: string, now = NOW) {
  const { report } = await runAnalysis(paths.map(file), {
    locale: 'en',
    now,
    trustAnchors: ANCHORS,
    answers,
    generatedAt: NOW,
    ...(expectName ? { expectName } : {}),
  });
  return {
    report,
    causes: report.causes.map((c) => [c.id, c.confidence]),
    cause: (id: string) => report.causes.find((c) => c.id === id),
  };
}

describe('diagnosis scenarios on real evidence files', () => {
  it('a leaf-only file plus a send log with 5.7.64 make intermediatesNotSent only possible: the file shows what the admin has, not what is sent', async () => {
    const r = await diagnoseFiles(['certs/leaf-only.pem', 'smtp/exchange-send-5.7.64-cert-sent.log']);
    expect(r.causes[0]).toEqual(['cause.intermediatesNotSent', 'possible']);
    // The file's chain is broken (a fact about the file, still critical), but it is marked as what was supplied.
    expect(r.report.findings.find((f) => f.id === 'chain.missingIntermediate')).toMatchObject({ severity: 'critical', params: { seenOn: 'supplied' } });
    expect(r.report.verdict).toMatchObject({ status: 'cause', cause: 'cause.intermediatesNotSent', confidence: 'possible', next: { action: 'collect' } });
    const c1 = r.cause('cause.intermediatesNotSent');
    expect(c1?.params?.['missingIssuer']).toMatch(/CN=/);
    expect(c1?.title).not.toBe('cause.intermediatesNotSent.title');
    expect(verdict(r.report)).toBe('problem');
  });

  it('a send log alone, with a certificate sent and 5.7.64 back, makes intermediatesNotSent possible', async () => {
    const r = await diagnoseFiles(['smtp/exchange-send-5.7.64-cert-sent.log']);
    expect(r.causes).toEqual([['cause.intermediatesNotSent', 'possible']]);
  });

  it('CAPI2 800B0109 from the sending server alone makes intermediatesNotSent likely', async () => {
    const r = await diagnoseFiles(['evtx/capi2-and-exchange.evtx'], {}, undefined, new Date('2026-11-25T00:00:00Z'));
    expect(r.cause('cause.intermediatesNotSent')?.confidence).toBe('likely');
    expect(r.report.verdict?.next.server).toBe('SMTP1.contoso.com');
  });

  it('an event log brought alone is its own moment, but beside a send log two years older it is history: evidence.outdated, no cause from it', async () => {
    expect((await diagnoseFiles(['evtx/capi2-and-exchange.evtx'])).cause('cause.intermediatesNotSent')?.confidence).toBe('likely');
    const r = await diagnoseFiles(['evtx/capi2-and-exchange.evtx', 'smtp/exchange-send-5.7.64-cert-sent.log']);
    expect(r.cause('cause.intermediatesNotSent')?.findings ?? []).not.toContain('capi2.untrustedRoot');
    expect(r.report.findings.map((f) => f.id)).toContain('evidence.outdated');
    expect(r.report.verdict?.mismatches.map((m) => m.finding)).toContain('evidence.outdated');
  });

  it('ATTR36 in a pasted NDR makes certificateDomainNotAccepted certain', async () => {
    const r = await diagnoseFiles(['ndr/pasted-attr36.txt']);
    expect(r.causes[0]).toEqual(['cause.certificateDomainNotAccepted', 'certain']);
  });

  it('NoCredentials in the send log points at the certificate the Send connector uses', async () => {
    const r = await diagnoseFiles(['smtp/exchange-send-nocredentials.log']);
    expect(['certain', 'likely']).toContain(r.cause('cause.wrongCertificatePresented')?.confidence);
  });

  it('a session to Exchange Online without STARTTLS gives noTls, certain for a certificate connector', async () => {
    const r = await diagnoseFiles(['smtp/exchange-send-no-starttls.log'], { connectorType: 'certificate' });
    expect(r.cause('cause.noTls')).toBeDefined();
  });

  it('a self-signed leaf file and an NDR with 5.7.64 make certificateInvalid likely: no log shows that file going out', async () => {
    const r = await diagnoseFiles(['certs/self-signed-leaf.pem', 'ndr/exchange-onprem-5.7.64.eml']);
    expect(r.cause('cause.certificateInvalid')?.confidence).toBe('likely');
    expect(r.report.verdict).toMatchObject({ cause: 'cause.certificateInvalid', next: { action: 'fix', server: 'EX01.contoso.com' } });
  });

  it('a connector name covering no certificate name gives certificateNameMismatch', async () => {
    const r = await diagnoseFiles(['certs/chain-complete.pem', 'smtp/exchange-send-5.7.64-cert-sent.log'], {}, 'smtp.fabrikam.com');
    expect(r.cause('cause.certificateNameMismatch')?.confidence).toBe('certain');
    expect(r.cause('cause.intermediatesNotSent')).toBeUndefined();
  });

  it('a serverAuth-only leaf with nothing else wrong is no cause without a refusal, and possible only beside a 5.7.64', async () => {
    const alone = await diagnoseFiles(['certs/leaf-serverauth-only.pem', 'certs/intermediate.pem']);
    expect(alone.causes).toEqual([]);
    // A pasted NDR carries no date; the .eml fixtures are from 2024, two years before this analysis (history).
    const refused = await diagnoseFiles(['certs/leaf-serverauth-only.pem', 'certs/intermediate.pem', 'ndr/pasted-dsn-fields.txt']);
    // The paste also holds 450 4.4.317 UntrustedRoot, which points at the chain (C1 likely); the EKU sits beside
    // it as a possibility, never the only hypothesis (domain.md §11.5).
    expect(refused.causes).toEqual([['cause.intermediatesNotSent', 'likely'], ['cause.clientAuthEkuMissing', 'possible']]);
  });

  it('a complete chain with a matching name and no errors gives no cause and a healthy verdict', async () => {
    const r = await diagnoseFiles(['certs/chain-complete.pem'], {}, '*.contoso.com');
    expect(r.causes).toEqual([]);
    expect(verdict(r.report)).toBe('healthy');
  });

  it('unrelated evidence gives no certainty about anything', async () => {
    const r = await diagnoseFiles(['certs/chain-wrong-order.pem', 'certs/random.bin']);
    expect(r.report.causes.filter((c) => c.confidence === 'certain')).toEqual([]);
  });
});

describe('connector settings as evidence', () => {
  it('uses the TlsSenderCertificateName from Get-InboundConnector output to check the certificate name', async () => {
    const settingsText = [
      'Name                     : From on-prem relay',
      'Enabled                  : True',
      'ConnectorType            : OnPremises',
      'SenderIPAddresses        : {}',
      'TlsSenderCertificateName : smtp.fabrikam.com',
      'RequireTls               : True',
    ].join('\r\n');
    const { report } = await runAnalysis(
      [file('certs/chain-complete.pem'), { name: 'inbound.txt', bytes: new TextEncoder().encode(settingsText) }],
      { locale: 'en', now: NOW, trustAnchors: ANCHORS, generatedAt: NOW },
    );
    expect(report.inputs.find((i) => i.file === 'inbound.txt')?.status).toBe('ok');
    const c2 = report.causes.find((c) => c.id === 'cause.certificateNameMismatch');
    expect(c2?.confidence).toBe('likely');
    expect(c2?.params).toMatchObject({ inboundConnector: 'From on-prem relay', currentName: 'smtp.fabrikam.com' });
  });
});
