import { describe, expect, it } from 'vitest';
import { buildSwitchOverPack, SWITCHOVER_SCHEMA } from '../../../../shared/switchover';
import { fileBytes } from '../../../../shared/fixpack';
import { LOCALES } from '../../../../shared/i18n/locales';
import { INTERMEDIATE, LEAF, OLD_NAME, ROOT, SEND_CONNECTOR, iisLog, pfxEvidence, preflightReport, sendConnectorSettings, switchOverInput } from './helpers';

function text(pack: { files: readonly { name: string }[] }, name: string): string {
  const f = pack.files.find((x) => x.name === name);
  if (!f) throw new Error(`no ${name}`);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(fileBytes(f as never));
}

describe('buildSwitchOverPack', () => {
  it('builds guide, both scripts and report.json for an Exchange relay, naming the new certificate and the connector', () => {
    const r = buildSwitchOverPack(switchOverInput('en'));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.files.map((f) => f.name)).toEqual(['guide.md', 'guide.html', 'switch-over.ps1', 'rollback.ps1', 'report.json']);
    const report = JSON.parse(text(r.value, 'report.json'));
    expect(report).toMatchObject({
      schema: SWITCHOVER_SCHEMA,
      platform: 'exchange',
      certificate: { sha1: LEAF.sha1, tlsCertificateName: LEAF.sendConnectorName, pfxFile: 'server.pfx' },
      intermediates: [{ sha1: INTERMEDIATE.sha1 }],
      sendConnector: SEND_CONNECTOR,
      currentTlsCertificateName: OLD_NAME,
      sourceServers: ['EX01'],
    });
    const script = text(r.value, 'switch-over.ps1');
    expect(script.startsWith('\uFEFF')).toBe(true);
    expect(script).toContain(`$NewThumbprint = '${LEAF.sha1}'`);
    expect(script).toContain("Enable-ExchangeCertificate -Server $server -Thumbprint $NewThumbprint -Services 'SMTP'");
    // The overwrite question is answered by the admin (No): -Force would skip it.
    expect(script).not.toMatch(/Enable-ExchangeCertificate[^\r\n]*-Force/);
    expect(script).toContain('Set-SendConnector -Identity $SwitchConnectorName -TlsCertificateName $tlsName');
    // The root is never imported into CA: only the intermediate travels in the script.
    expect(script).toContain(INTERMEDIATE.sha1);
    expect(script).not.toContain(ROOT.derBase64);
    expect(text(r.value, 'guide.md')).toContain(LEAF.sha1);
  });

  it('never carries the PFX, its key or its password', () => {
    const r = buildSwitchOverPack(switchOverInput('en'));
    if (!r.ok) throw new Error(r.error.code);
    for (const f of r.value.files) {
      const t = new TextDecoder().decode(fileBytes(f));
      expect(t).not.toMatch(/PRIVATE KEY/);
      expect(t).not.toContain('Tajn3-Heslo!');
    }
    expect(text(r.value, 'switch-over.ps1')).toContain('Read-Host -AsSecureString');
  });

  it('makes the IIS variant from IIS SMTP evidence: Import-PfxCertificate, Outbound Security, no Send connector', () => {
    const r = buildSwitchOverPack(switchOverInput('en', [pfxEvidence(), iisLog()]));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.plan.platform).toBe('iis');
    const script = text(r.value, 'switch-over.ps1');
    expect(script).toContain("Import-PfxCertificate -FilePath $PfxPath -CertStoreLocation 'Cert:\\LocalMachine\\My'");
    expect(script).toContain('AlwaysUseSsl');
    expect(script).not.toContain('$SwitchConnectorName');
    expect(script).toContain('[switch]$RestartService');
  });

  it('keeps a hostile connector name literal in both scripts', () => {
    const hostile = "Relay $(Start-Process calc.exe)\"; ' O\u2019Brien `$env:USERNAME";
    const r = buildSwitchOverPack(switchOverInput('en', [pfxEvidence(), sendConnectorSettings(hostile)]));
    if (!r.ok) throw new Error(r.error.code);
    const script = text(r.value, 'switch-over.ps1');
    expect(script).toContain("Get-SendConnector -Identity 'Relay $(Start-Process calc.exe)\"; '' O\u2019\u2019Brien `$env:USERNAME'");
  });

  it('refuses -Apply in the script when the pre-flight said will break, unless -Force', () => {
    const r = buildSwitchOverPack(
      switchOverInput('en', undefined, { preflight: preflightReport({ verdict: 'willBreak', failed: ['preflight.chainSendable', 'preflight.connectorNames'] }) }),
    );
    if (!r.ok) throw new Error(r.error.code);
    const script = text(r.value, 'switch-over.ps1');
    expect(script).toMatch(/if \(\$Apply -and -not \$Force\) \{/);
    // The failed checks in words, as the pre-flight step shows them, never their ids.
    expect(text(r.value, 'guide.md')).toContain('(The chain can be sent and Inbound connector names)');
    expect(script).toContain("-f 'The chain can be sent and Inbound connector names'");
    expect(`${text(r.value, 'guide.md')}${script}`).not.toMatch(/preflight\.(chainSendable|connectorNames)/);
    // Dates in words (the certificate's expiry, when the pack was made), never ISO timestamps.
    expect(text(r.value, 'guide.md')).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('fails as a value when the evidence lacks the certificate the pre-flight judged', () => {
    const r = buildSwitchOverPack(switchOverInput('en', [sendConnectorSettings()]));
    expect(r.ok ? 'ok' : r.error.code).toBe('switchover.noCertificate');
  });

  it('speaks every language, with no catalog key left untranslated in the scripts', () => {
    for (const locale of LOCALES) {
      const r = buildSwitchOverPack(switchOverInput(locale));
      if (!r.ok) throw new Error(`${locale}: ${r.error.code}`);
      for (const name of ['switch-over.ps1', 'rollback.ps1', 'guide.md']) expect(text(r.value, name)).not.toMatch(/\b(switchover|ps|guide)\.[a-z]+\.[a-zA-Z]+\b/);
    }
  });
});
