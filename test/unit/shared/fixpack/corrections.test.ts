import { describe, expect, it } from 'vitest';
import { buildFixPack, fileBytes, type FixPack } from '../../../../shared/fixpack/build-fixpack';
import { plain, type Block } from '../../../../shared/guide/model';
import { LOCALES, type Locale } from '../../../../shared/i18n/locales';
import type { Evidence } from '../../../../shared/model/evidence';
import type { CauseReport, Report } from '../../../../shared/model/report';
import { cause, INTERMEDIATE, LEAF, pfxEvidence, report } from './helpers';

/** domain.md §11.4 "Checks after a fix", one test per correction, read from the real generator's output. */

async function pack(causes: CauseReport[], locale: Locale = 'en', extra: Evidence[] = [], r?: Report): Promise<FixPack> {
  const built = await buildFixPack({ report: r ?? report(causes), evidence: [pfxEvidence(), ...extra], locale });
  if (!built.ok) throw new Error(built.error.code);
  return built.value;
}

const text = (p: FixPack, name: string) => new TextDecoder().decode(fileBytes(p.files.find((f) => f.name === name)!));
const c1 = () => cause('cause.intermediatesNotSent', ['remediation.importIntermediates'], { thumbprint: LEAF.sha1 });
const c6 = () => cause('cause.wrongCertificatePresented', ['remediation.fixSendConnectorCertificate'], { sendConnector: 'Outbound to Office 365', thumbprint: LEAF.sha1 });

function guideText(p: FixPack): string {
  const blocks: Block[] = p.guide.sections.flatMap((s) => [...s.blocks, ...(s.steps ?? []).flatMap((st) => st.blocks)]);
  return blocks
    .map((b) => (b.type === 'code' ? b.code : b.type === 'paragraph' || b.type === 'note' ? plain(b.text) : b.type === 'steps' || b.type === 'list' ? b.items.map(plain).join('\n') : b.type === 'heading' ? b.text : ''))
    .join('\n');
}

describe('verification proves the chain from local stores (no -urlfetch)', () => {
  it('checks each intermediate in LocalMachine\\CA, walks the local stores, runs certutil -verify without -urlfetch and says how to confirm on the next send', async () => {
    const p = await pack([c1()]);
    for (const name of ['fix.ps1', 'guide.md']) expect(text(p, name), name).not.toMatch(/-urlfetch\s+(\$|C:|'|")/);
    const fix = text(p, 'fix.ps1');
    expect(fix).toContain(`@{ Thumbprint = '${INTERMEDIATE.sha1}'; Subject = '${INTERMEDIATE.subject}' }`);
    expect(fix).toContain("if (Test-Path -LiteralPath ('Cert:\\LocalMachine\\CA\\' + $item.Thumbprint)) {");
    expect(fix).toContain("foreach ($storeName in @('CA', 'Root', 'AuthRoot')) {");
    expect(fix).toContain('$certutilOutput = @(& certutil.exe -verify $leafFile 2>&1)');
    expect(fix).toContain('X-EOPTenantAttributedMessage');
    expect(fix).toContain('250 from *.mail.protection.outlook.com');
    // The guide's own check: the same, by hand.
    const guide = guideText(p);
    expect(guide).toContain(`Test-Path -LiteralPath 'Cert:\\LocalMachine\\CA\\${INTERMEDIATE.sha1}'`);
    expect(guide).toMatch(/certutil\.exe -verify 'C:\\Windows\\Temp\\leaf\.cer'/);
  });
});

describe('TlsCertificateName is organisation-wide', () => {
  it('checks every SourceTransportServers server for the certificate, its private key and SMTP before the change', async () => {
    const fix = text(await pack([c6()]), 'fix.ps1');
    expect(fix).toContain('$sourceServers = @($sendConnector.SourceTransportServers | ForEach-Object { [string]$_ })');
    expect(fix).toContain(`$exCert = Get-ExchangeCertificate -Server $server -Thumbprint '${LEAF.sha1}' -ErrorAction SilentlyContinue`);
    expect(fix).toContain('} elseif (-not $exCert.HasPrivateKey) {');
    expect(fix).toContain("} elseif ([string]$exCert.Services -notmatch 'SMTP') {");
    expect(fix).toContain('FrontendProxyEnabled');
    expect(fix.indexOf('Stop-Script -Reasons $script:Problems')).toBeLessThan(fix.indexOf("Set-SendConnector -Identity 'Outbound to Office 365' -TlsCertificateName $tlsName"));
  });

  it('rollback hands the saved name back as a [string]', async () => {
    const rollback = text(await pack([c6()]), 'rollback.ps1');
    expect(rollback).toContain('$savedName = [string]$before.TlsCertificateName');
    expect(rollback).toContain("Set-SendConnector -Identity 'Outbound to Office 365' -TlsCertificateName $savedName");
    expect(rollback).not.toMatch(/-TlsCertificateName \$before\./);
  });
});

describe('Exchange Online connectors', () => {
  const c2 = () => cause('cause.certificateNameMismatch', ['remediation.fixConnectorName'], { inboundConnector: 'Relay', expectedName: 'relay.contoso.com' });

  it('flags a HybridWizard connector before the hand edit and asks for confirmation (ConfirmImpact High)', async () => {
    const fix = text(await pack([c2()]), 'fix.ps1');
    expect(fix).toContain("if ([string]$inbound.ConnectorSource -eq 'HybridWizard') {");
    expect(fix.indexOf("ConnectorSource -eq 'HybridWizard'")).toBeLessThan(fix.indexOf("Set-InboundConnector -Identity 'Relay'"));
    expect(fix).toContain("[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]");
    expect(fix).toContain("} elseif (Confirm-Change -HighImpact -Target 'Relay' -Action");
    // Without Connect-ExchangeOnline the script stops before anything and names it.
    expect(fix).toMatch(/if \(-not \$ExoConnected\) \{\r\n {4}\$missingShell \+= '[^']*Connect-ExchangeOnline/);
  });

  it('reads ConnectorSource before a Partner connector is turned into OnPremises, in every language', async () => {
    for (const locale of LOCALES) {
      await pack([cause('cause.noMatchingConnector', ['remediation.fixInboundConnector'], { inboundConnector: 'Gateway' })], locale).then((p) => {
        const step = p.guide.sections.find((s) => s.id === 'steps')?.steps?.find((s) => s.id === 'remediation.fixInboundConnector');
        const items = step?.blocks.flatMap((b) => (b.type === 'steps' ? b.items.map(plain) : [])) ?? [];
        const partner = items.find((i) => i.includes('-ConnectorType OnPremises')) ?? '';
        expect(partner.indexOf('ConnectorSource'), locale).toBeGreaterThan(-1);
        expect(partner.indexOf('ConnectorSource'), locale).toBeLessThan(partner.indexOf("Set-InboundConnector -Identity 'Gateway' -ConnectorType OnPremises"));
      });
    }
  });
});

describe('no STARTTLS and TLS 1.2', () => {
  const c8 = () => cause('cause.noTls', ['remediation.enableTls']);

  it('IIS SMTP: the fix is Outbound Security > TLS encryption, manual steps first; no registry change without TLS 1.0/1.1 evidence', async () => {
    const p = await pack([c8()], 'en', [{ kind: 'smtpLog', id: 'ex.log', source: 'ex.log', format: 'iis', sessions: [] } as Evidence]);
    expect(p.plan.blocks).not.toContain('enableTls12');
    const fix = text(p, 'fix.ps1');
    expect(fix).toContain("Set-CimInstance -InputObject $target -Property @{ AlwaysUseSsl = $true }");
    expect(fix).not.toContain('SCHANNEL');
    const step = p.guide.sections.find((s) => s.id === 'steps')?.steps?.find((s) => s.id === 'enableStartTls');
    const kinds = step?.blocks.map((b) => b.type) ?? [];
    expect(kinds.indexOf('steps')).toBeLessThan(kinds.indexOf('code'));
    const manual = step?.blocks.find((b) => b.type === 'steps');
    expect(manual && manual.type === 'steps' ? manual.items.map(plain).join(' ') : '').toMatch(/Outbound Security.*TLS encryption/);
  });

  it("Exchange's TLS 1.2 fix includes the .NET keys, only when the evidence shows TLS 1.0/1.1", async () => {
    const r = { ...report([c8()]), findings: [{ id: 'smtp.legacyTls', severity: 'high' as const, confidence: 'certain' as const, params: {}, evidence: ['s.log#L1'], title: 't', detail: 'd' }] };
    const p = await pack([], 'en', [], r);
    expect(p.plan.blocks).toContain('enableTls12');
    const fix = text(p, 'fix.ps1');
    for (const s of ['SystemDefaultTlsVersions', 'SchUseStrongCrypto', "'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319'"]) expect(fix).toContain(s);
    expect(guideText(p)).toContain('SchUseStrongCrypto');
  });
});

describe('the guide', () => {
  it('mentions a missing root on the sender for 800B0109', async () => {
    for (const locale of LOCALES) expect(guideText(await pack([c1()], locale)), locale).toContain('800B0109');
  });

  it("copy-paste commands stop with a clear error when Get-ExchangeCertificate finds nothing, line by line", async () => {
    const guide = guideText(await pack([c6()]));
    expect(guide).toContain(`$c = Get-ExchangeCertificate -Thumbprint '${LEAF.sha1}' -ErrorAction SilentlyContinue`);
    expect(guide).toMatch(/if \(-not \$c\) \{ Write-Error '[^']+' \} else \{ Set-SendConnector -Identity 'Outbound to Office 365' -TlsCertificateName/);
    const rem = guideText(await pack([cause('cause.wrongCertificatePresented', ['remediation.fixSendConnectorCertificate'], { sendConnector: 'Outbound to Office 365', thumbprint: LEAF.sha1 })], 'cs'));
    expect(rem).toMatch(/if \(-not \$c\) \{ (throw|Write-Error) '/);
  });

  it('says which shell to open, Unblock-File and the execution policy, in every language', async () => {
    for (const locale of LOCALES) {
      const guide = guideText(await pack([c1()], locale, [{ kind: 'smtpLog', id: 's.log', source: 's.log', format: 'exchangeSend', sessions: [] } as Evidence]));
      expect(guide, locale).toContain('Exchange Management Shell');
      expect(guide, locale).toContain('Unblock-File');
      expect(guide, locale).toContain('Set-ExecutionPolicy -Scope Process -ExecutionPolicy RemoteSigned');
    }
  });
});

describe('evidence that proves no fix (an NDR alone)', () => {
  it('gets the collector and a guide naming the server from the NDR, no fix.ps1 or rollback.ps1', async () => {
    const ndr = { kind: 'ndr', id: 'n.eml', source: 'n.eml', format: 'eml', messages: [{ index: 0, reportingMta: 'EX01.contoso.com', recipients: [], replies: [], statusCodes: ['5.7.64'] }] } as Evidence;
    for (const locale of LOCALES) {
      const p = await pack([], locale, [ndr], { ...report([]), chains: [] });
      const names = p.files.map((f) => f.name);
      expect(names, locale).not.toContain('fix.ps1');
      expect(names, locale).not.toContain('rollback.ps1');
      expect(names, locale).toContain('collect-evidence.ps1');
      expect(p.plan.server).toBe('EX01.contoso.com');
      expect(text(p, 'guide.md'), locale).toContain('EX01.contoso.com');
      expect(text(p, 'guide.md'), locale).not.toContain('fix.ps1');
      expect(p.guide.sections.map((s) => s.id)).toEqual(['summary', 'evidence', 'chain', 'steps', 'collect']);
    }
  });

  it("prefers the verdict's server when the report has one", async () => {
    const r: Report = { ...report([]), chains: [], verdict: { status: 'insufficientEvidence', cause: null, confidence: null, next: { action: 'collect', server: 'EDGE02', remediation: [], collect: ['sendProtocolLog'] }, alternatives: [], mismatches: [], symptom: true } };
    const p = await pack([], 'en', [], r);
    expect(p.plan.server).toBe('EDGE02');
  });
});
