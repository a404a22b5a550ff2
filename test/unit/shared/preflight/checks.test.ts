import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../../shared/model/evidence';
import type { ChainReport } from '../../../../shared/model/report';
import type { CertificateEvidence, CertificateRecord } from '../../../../shared/x509/types';
import type { Analysis } from '../../../../shared/engine/analyze';
import { runPreflight, scanHybridFacts, PREFLIGHT_CHECKS, type HybridFacts, type PreflightReport } from '../../../../shared/preflight';
import { cert, settings, session, smtpLog, ACCEPTED, LEAF_SHA1, INTERMEDIATE_SHA1, ROOT_SHA1 } from '../diagnosis/builders';

const NOW = new Date('2026-11-20T10:00:00Z');
const INTERMEDIATE = cert({ sha1: INTERMEDIATE_SHA1, subject: 'CN=Contoso Issuing CA 1', issuer: 'CN=Root', isCa: true, eku: null, commonNames: ['Contoso Issuing CA 1'], dnsNames: [], aiaCaIssuers: ['http://ca.example/root.crt'] });
const ROOT = cert({ sha1: ROOT_SHA1, subject: 'CN=Root', issuer: 'CN=Root', isCa: true, selfSigned: true, eku: null, commonNames: ['Root'], dnsNames: [] });
const LEAF = cert({ aiaCaIssuers: ['http://ca.example/issuing1.crt'] });

function file(certs: CertificateRecord[], extra: Partial<CertificateEvidence> = {}): CertificateEvidence {
  return { kind: 'certificates', id: 'new.pfx', source: 'new.pfx', origin: 'file', format: 'pkcs12', certificates: certs, privateKeyFor: certs[0]?.sha1, ...extra };
}

function chain(leaf: string, path: string[], status: ChainReport['status'] = 'complete', extra: Partial<ChainReport> = {}): ChainReport {
  return { leaf, path, status, trustStore: 'mozilla', ...extra };
}

function analysis(chains: ChainReport[]): Analysis {
  return { findings: [], causes: [], chains, certificates: [], verdict: { status: 'healthy' } as unknown as Analysis['verdict'] };
}

function run(evidence: Evidence[], chains: ChainReport[] = [chain(LEAF_SHA1, [LEAF_SHA1, INTERMEDIATE_SHA1, ROOT_SHA1])], hybrid?: HybridFacts, now = NOW): PreflightReport {
  const r = runPreflight({ newSource: 'new.pfx', evidence, analysis: analysis(chains), now, ...(hybrid ? { hybrid } : {}) }, { locale: 'en', generatedAt: NOW, inputs: [] });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

const check = (report: PreflightReport, id: string) => {
  const c = report.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no ${id}`);
  return c;
};

const healthySettings = () =>
  settings({
    inbound: [{ name: 'HCW', enabled: true, connectorType: 'OnPremises', tlsSenderCertificateName: 'mail.contoso.com' }],
    send: [{ name: 'To EXO', enabled: true, tlsCertificateName: LEAF.sendConnectorName, sourceTransportServers: ['EX01', 'EX02'] }],
    accepted: ['contoso.com'],
  });

describe('renewal pre-flight checks', () => {
  it('has one stable id per check, in the report order', () => {
    expect(PREFLIGHT_CHECKS.map((c) => c.id)).toEqual([
      'preflight.validity',
      'preflight.privateKey',
      'preflight.chainSendable',
      'preflight.rootTrusted',
      'preflight.connectorNames',
      'preflight.acceptedDomains',
      'preflight.eku',
      'preflight.keyStrength',
      'preflight.signature',
      'preflight.sendConnectorName',
      'preflight.sendConnectorRepoint',
      'preflight.hybrid',
    ]);
  });

  it('a healthy renewal: will work, every check passes, the Send connector value is the Windows form', () => {
    const r = run([file([LEAF, INTERMEDIATE]), healthySettings()]);
    expect(r.verdict).toBe('willWork');
    expect(r.failed).toEqual([]);
    expect(r.checks.filter((c) => c.outcome !== 'pass').map((c) => c.id)).toEqual([]);
    expect(check(r, 'preflight.sendConnectorName').params.value).toBe('<I>CN=Contoso Issuing CA 1<S>CN=mail.contoso.com');
    expect(check(r, 'preflight.sendConnectorRepoint').params.servers).toEqual(['EX01', 'EX02']);
    expect(r.schema).toBe('relay-doctor/preflight@1');
  });

  it('refuses a first file that holds no certificate', () => {
    const r = runPreflight({ newSource: 'new.pfx', evidence: [healthySettings()], analysis: analysis([]), now: NOW }, { locale: 'en', generatedAt: NOW, inputs: [] });
    expect(r.ok).toBe(false);
  });

  describe('validity', () => {
    it('fails before notBefore and after notAfter; warns within 30 days', () => {
      expect(check(run([file([cert({ notBefore: '2026-12-01T00:00:00Z' })])], []), 'preflight.validity')).toMatchObject({ outcome: 'fail', reason: 'notYetValid', params: { days: 11 } });
      expect(check(run([file([cert({ notAfter: '2026-11-01T00:00:00Z' })])], []), 'preflight.validity')).toMatchObject({ outcome: 'fail', reason: 'expired' });
      expect(check(run([file([cert({ notAfter: '2026-12-10T00:00:00Z' })])], []), 'preflight.validity')).toMatchObject({ outcome: 'warn', reason: 'expiresSoon', params: { days: 19 } });
    });
  });

  describe('private key', () => {
    it('a PFX without the leaf key fails; a .cer warns that the PFX is needed; HasPrivateKey False fails', () => {
      expect(check(run([file([LEAF], { privateKeyFor: undefined })]), 'preflight.privateKey').reason).toBe('pfxWithoutKey');
      expect(check(run([file([LEAF], { format: 'der', privateKeyFor: undefined })]), 'preflight.privateKey')).toMatchObject({ outcome: 'warn', reason: 'noKeyInFile' });
      const noKey = settings({ certs: [{ thumbprint: LEAF_SHA1, hasPrivateKey: false }] });
      expect(check(run([file([LEAF], { format: 'der', privateKeyFor: undefined }), noKey]), 'preflight.privateKey')).toMatchObject({ outcome: 'fail', reason: 'serverHasNoKey' });
      const hasKey = settings({ certs: [{ thumbprint: LEAF_SHA1, hasPrivateKey: true }] });
      expect(check(run([file([LEAF], { format: 'der', privateKeyFor: undefined }), hasKey]), 'preflight.privateKey').outcome).toBe('pass');
    });
  });

  describe('chain can be sent', () => {
    it('names the intermediate to import and its AIA URL when the file lacks it', () => {
      const intermediateFile: CertificateEvidence = { kind: 'certificates', id: 'ca.cer', source: 'ca.cer', origin: 'file', certificates: [INTERMEDIATE] };
      const c = check(run([file([LEAF]), intermediateFile]), 'preflight.chainSendable');
      expect(c).toMatchObject({ outcome: 'fail', reason: 'notInFile', params: { toImport: ['CN=Contoso Issuing CA 1'], aiaUrls: ['http://ca.example/issuing1.crt'] } });
    });

    it('only warns when the current certificate chains through the same intermediate', () => {
      const OLD = cert({ sha1: 'DD'.repeat(20), notAfter: '2026-12-01T00:00:00Z' });
      const current: CertificateEvidence = { kind: 'certificates', id: 'old.cer', source: 'old.cer', origin: 'file', certificates: [OLD, INTERMEDIATE] };
      const chains = [chain(LEAF_SHA1, [LEAF_SHA1, INTERMEDIATE_SHA1, ROOT_SHA1]), chain(OLD.sha1, [OLD.sha1, INTERMEDIATE_SHA1, ROOT_SHA1])];
      expect(check(run([file([LEAF]), current], chains), 'preflight.chainSendable')).toMatchObject({ outcome: 'warn', reason: 'sharedWithCurrent' });
    });

    it('fails with the missing issuer when no file has it', () => {
      const c = check(run([file([LEAF])], [chain(LEAF_SHA1, [LEAF_SHA1], 'incomplete', { missingIssuer: 'CN=Contoso Issuing CA 1', aiaUrls: ['http://ca.example/issuing1.crt'] })]), 'preflight.chainSendable');
      expect(c).toMatchObject({ outcome: 'fail', reason: 'issuerMissing', params: { missing: 'CN=Contoso Issuing CA 1' } });
      expect(check(run([file([LEAF])], [chain(LEAF_SHA1, [LEAF_SHA1], 'incomplete')]), 'preflight.rootTrusted').outcome).toBe('unknown');
    });
  });

  describe('root', () => {
    it('passes on the Mozilla list (the offline stand-in) and fails an untrusted root', () => {
      expect(check(run([file([LEAF, INTERMEDIATE])]), 'preflight.rootTrusted')).toMatchObject({ outcome: 'pass', reason: 'mozilla' });
      expect(check(run([file([LEAF, INTERMEDIATE])], [chain(LEAF_SHA1, [LEAF_SHA1, INTERMEDIATE_SHA1, ROOT_SHA1], 'untrusted')]), 'preflight.rootTrusted').outcome).toBe('fail');
    });
  });

  describe('connector names', () => {
    const inbound = (names: string[]) => settings({ inbound: names.map((n, i) => ({ name: `c${i}`, enabled: true, connectorType: 'OnPremises', tlsSenderCertificateName: n })) });
    it('accepts a leading wildcard, refuses an embedded one and a mismatch', () => {
      expect(check(run([file([LEAF]), inbound(['*.contoso.com'])]), 'preflight.connectorNames').outcome).toBe('pass');
      expect(check(run([file([LEAF]), inbound(['mail.*.com'])]), 'preflight.connectorNames')).toMatchObject({ outcome: 'fail', reason: 'invalidName' });
      expect(check(run([file([LEAF]), inbound(['smtp.contoso.com'])]), 'preflight.connectorNames')).toMatchObject({ outcome: 'fail', reason: 'mismatch' });
    });
    it('a connector the current certificate does not match either only warns', () => {
      const current: CertificateEvidence = { kind: 'certificates', id: 'old.cer', source: 'old.cer', origin: 'file', certificates: [cert({ sha1: 'DD'.repeat(20) })] };
      expect(check(run([file([LEAF]), current, inbound(['mail.contoso.com', 'mail.fabrikam.com'])]), 'preflight.connectorNames')).toMatchObject({ outcome: 'warn', reason: 'otherConnectors' });
    });
    it('IP-based connectors pass; no connector output is unknown', () => {
      expect(check(run([file([LEAF]), settings({ inbound: [{ name: 'ip', enabled: true, connectorType: 'OnPremises', senderIpAddresses: ['203.0.113.1'] }] })]), 'preflight.connectorNames').reason).toBe('ipBased');
      expect(check(run([file([LEAF])]), 'preflight.connectorNames').outcome).toBe('unknown');
    });
  });

  describe('accepted domains: the OR rule per message', () => {
    const hosts = cert({ commonNames: ['relay01.hosts.contoso.com'], dnsNames: ['relay01.hosts.contoso.com'] });
    const toEop = (from: string) => ({ ...session(from, ACCEPTED, 'SEND.LOG'), remoteHost: 'contoso-com.mail.protection.outlook.com' });
    it('an accepted certificate domain covers every message', () => {
      expect(check(run([file([LEAF]), settings({ accepted: ['contoso.com'] })]), 'preflight.acceptedDomains')).toMatchObject({ outcome: 'pass', params: { domain: 'contoso.com' } });
    });
    it('otherwise each P1 sender must be accepted: the null sender fails, accepted senders only warn', () => {
      const accepted = settings({ accepted: ['contoso.com'] });
      const bad = check(run([file([hosts]), accepted, smtpLog([toEop('alerts@contoso.com'), toEop('')], 'exchangeSend', 'SEND.LOG')]), 'preflight.acceptedDomains');
      expect(bad).toMatchObject({ outcome: 'fail', reason: 'sendersRefused', params: { senders: ['<>'], suggestedDomain: 'hosts.contoso.com' } });
      expect(check(run([file([hosts]), accepted, smtpLog([toEop('alerts@contoso.com')], 'exchangeSend', 'SEND.LOG')]), 'preflight.acceptedDomains').outcome).toBe('warn');
    });
    it('without Get-AcceptedDomain it is unknown', () => {
      expect(check(run([file([LEAF])]), 'preflight.acceptedDomains').outcome).toBe('unknown');
    });
  });

  describe('EKU is never more than unconfirmed (domain.md §11.5)', () => {
    it('serverAuth-only warns, never fails', () => {
      const r = run([file([cert({ eku: ['1.3.6.1.5.5.7.3.1'] })])], []);
      expect(check(r, 'preflight.eku')).toMatchObject({ outcome: 'warn', reason: 'serverAuthOnly' });
      expect(r.failed).not.toContain('preflight.eku');
      expect(check(run([file([cert({ eku: null })])], []), 'preflight.eku').reason).toBe('anyPurpose');
    });
  });

  describe('key and signature', () => {
    it('RSA under 1024 fails, under 2048 warns; MD5 fails, SHA-1 warns', () => {
      expect(check(run([file([cert({ publicKey: { algorithm: 'RSA', bits: 512 } })])], []), 'preflight.keyStrength').outcome).toBe('fail');
      expect(check(run([file([cert({ publicKey: { algorithm: 'RSA', bits: 1024 } })])], []), 'preflight.keyStrength').outcome).toBe('warn');
      expect(check(run([file([cert({ publicKey: { algorithm: 'EC', bits: 256, name: 'P-256' } })])], []), 'preflight.keyStrength').outcome).toBe('pass');
      expect(check(run([file([cert({ signatureHash: 'MD5', signatureAlgorithm: 'md5RSA' })])], []), 'preflight.signature').outcome).toBe('fail');
      expect(check(run([file([LEAF, cert({ ...INTERMEDIATE, signatureHash: 'SHA-1', signatureAlgorithm: 'sha1RSA' })])]), 'preflight.signature')).toMatchObject({ outcome: 'warn', reason: 'sha1' });
      // A root's own signature plays no part.
      expect(check(run([file([LEAF, INTERMEDIATE, { ...ROOT, signatureHash: 'MD5' }])]), 'preflight.signature').outcome).toBe('pass');
    });
  });

  describe('Send connector', () => {
    it('fails when it names another certificate, whatever the RDN order or spacing of a match', () => {
      const old = settings({ send: [{ name: 'To EXO', enabled: true, tlsCertificateName: '<I>CN=Old CA<S>CN=mail.contoso.com', sourceTransportServers: ['EX01'] }] });
      expect(check(run([file([LEAF]), old]), 'preflight.sendConnectorRepoint')).toMatchObject({ outcome: 'fail', reason: 'namesOther', params: { value: LEAF.sendConnectorName, servers: ['EX01'] } });
      const same = settings({ send: [{ name: 'To EXO', enabled: true, tlsCertificateName: '<I>cn=contoso issuing ca 1<S>CN=mail.contoso.com' }] });
      expect(check(run([file([LEAF]), same]), 'preflight.sendConnectorRepoint').outcome).toBe('pass');
    });
  });

  describe('hybrid', () => {
    it('reads ConnectorSource HybridWizard and a Default Frontend receive connector from Format-List text', () => {
      const text = 'Name                     : HCW\r\nConnectorType            : OnPremises\r\nConnectorSource          : HybridWizard\r\nTlsSenderCertificateName : mail.contoso.com\r\n\r\nIdentity           : EX01\\Default Frontend EX01\r\nBindings           : {0.0.0.0:25}\r\nTlsCertificateName : <I>CN=Old CA<S>CN=mail.contoso.com\r\n';
      const facts = scanHybridFacts('conn.txt', text);
      expect(facts.hybridInbound).toEqual([{ name: 'HCW', ref: 'conn.txt#L1' }]);
      expect(facts.receiveConnectors).toEqual([{ name: 'EX01\\Default Frontend EX01', ref: 'conn.txt#L6', tlsCertificateName: '<I>CN=Old CA<S>CN=mail.contoso.com' }]);
      const c = check(run([file([LEAF]), healthySettings()], undefined, facts), 'preflight.hybrid');
      expect(c).toMatchObject({ outcome: 'warn', reason: 'receiveConnector', params: { inbound: ['HCW'], receive: ['EX01\\Default Frontend EX01'] } });
    });
    it('a Send connector record is no receive connector', () => {
      expect(scanHybridFacts('s.txt', 'Identity : To EXO\r\nAddressSpaces : {smtp:*;1}\r\nTlsCertificateName : <I>a<S>b\r\nSmartHosts : {x}\r\n').receiveConnectors).toEqual([]);
    });
  });
});
