import type { ScriptBlock } from './types';

/**
 * domain.md C6: the Send connector must name the certificate to present as `<I>issuer<S>subject`, built
 * from what Get-ExchangeCertificate reports on this server (Exchange compares it with its own formatting of
 * the names, so we never type the names ourselves). Runs only where the Exchange cmdlets are loaded.
 */
export const setSendConnectorCertificate: ScriptBlock = {
  id: 'setSendConnectorCertificate',
  titleKey: 'guide.sendConnector.title',
  recordsChange: true,
  applies: (plan) => plan.sendConnector !== undefined && plan.leafThumbprint !== undefined,
  fix({ w, plan, m }) {
    const name = plan.sendConnector ?? '';
    const thumbprint = plan.leafThumbprint ?? '';
    w.line`Write-Step ${m('ps.sendConnector.heading')}`;
    w.open`if (-not $IsExchange) {`;
    w.line`Write-Host ${m('ps.sendConnector.noExchange')}`;
    w.mid`} else {`;
    w.line`$exCert = Get-ExchangeCertificate -Thumbprint ${thumbprint} -ErrorAction SilentlyContinue`;
    w.open`if (-not $exCert) {`;
    w.line`Write-Warning (${m('ps.sendConnector.certificateMissing')} -f ${thumbprint})`;
    w.mid`} else {`;
    // Enabling SMTP asks whether to replace the default certificate, and KB 4495258 says to answer No:
    // that needs a human, so the script only warns.
    w.open`if ([string]$exCert.Services -notmatch 'SMTP') {`;
    w.line`Write-Warning (${m('ps.sendConnector.notSmtp')} -f ${thumbprint})`;
    w.close`}`;
    w.line`$tlsName = '<I>' + $exCert.Issuer + '<S>' + $exCert.Subject`;
    w.line`$current = (Get-SendConnector -Identity ${name}).TlsCertificateName`;
    w.open`if ([string]$current -eq $tlsName) {`;
    w.line`Write-Host (${m('ps.sendConnector.alreadySet')} -f ${name})`;
    w.mid`} elseif (Confirm-Change -Target ${name} -Action (${m('ps.sendConnector.action')} -f $tlsName)) {`;
    w.line`Set-SendConnector -Identity ${name} -TlsCertificateName $tlsName`;
    w.line`$script:Changed += 'setSendConnectorCertificate'`;
    w.line`Write-Host (${m('ps.sendConnector.done')} -f ${name}, $tlsName)`;
    w.close`}`;
    w.close`}`;
    w.close`}`;
  },
  rollback({ w, plan, m }) {
    const name = plan.sendConnector ?? '';
    w.line`Write-Step ${m('ps.rollback.sendConnectorHeading')}`;
    w.line`$saved = Join-Path $BackupPath 'send-connectors.xml'`;
    w.open`if ($IsExchange -and (Test-Path -LiteralPath $saved)) {`;
    w.line`$before = Import-Clixml -LiteralPath $saved | Where-Object { $_.Name -eq ${name} } | Select-Object -First 1`;
    w.open`if ($before -and (Confirm-Change -Target ${name} -Action (${m('ps.rollback.restoreAction')} -f [string]$before.TlsCertificateName))) {`;
    w.line`Set-SendConnector -Identity ${name} -TlsCertificateName $before.TlsCertificateName`;
    w.close`}`;
    w.close`}`;
  },
};
