import type { ScriptBlock } from './types';

/**
 * domain.md C6: the Send connector must name the certificate to present as `<I>issuer<S>subject`, built
 * from what Get-ExchangeCertificate reports (Exchange compares it with its own formatting of the names, so
 * we never type the names ourselves). TlsCertificateName is organisation-wide (§11.4): every server in the
 * connector's SourceTransportServers presents the certificate it names, so before the change each of them
 * is checked for that certificate, with its private key and enabled for SMTP; one that lacks it stops the
 * script before anything changes. With FrontendProxyEnabled the session leaves from the Front End Transport
 * service of the Mailbox servers, which must hold the certificate too. Rollback hands the saved name back as
 * a [string]: from a backup it is a deserialised object, which Windows PowerShell 5.1 cannot bind.
 */
export const setSendConnectorCertificate: ScriptBlock = {
  id: 'setSendConnectorCertificate',
  titleKey: 'guide.sendConnector.title',
  recordsChange: true,
  changes: true,
  needs: { exchange: true },
  applies: (plan) => plan.sendConnector !== undefined && plan.leafThumbprint !== undefined,
  check({ w, plan, m }) {
    const name = plan.sendConnector ?? '';
    const thumbprint = plan.leafThumbprint ?? '';
    w.line`$tlsName = ''`;
    w.line`$sendConnector = Get-SendConnector -Identity ${name} -ErrorAction SilentlyContinue`;
    w.open`if (-not $sendConnector) {`;
    w.line`$script:Problems += (${m('ps.sendConnector.notFound')} -f ${name})`;
    w.mid`} else {`;
    w.line`$sourceServers = @($sendConnector.SourceTransportServers | ForEach-Object { [string]$_ })`;
    w.open`if ($sourceServers.Count -eq 0) {`;
    w.line`$sourceServers = @($env:COMPUTERNAME)`;
    w.close`}`;
    w.line`Write-Host (${m('ps.sendConnector.sourceServers')} -f ${name}, ($sourceServers -join ', '))`;
    w.open`if ($sendConnector.FrontendProxyEnabled) {`;
    w.line`Write-Host (${m('ps.sendConnector.frontendProxy')} -f ${name})`;
    w.close`}`;
    w.open`foreach ($server in $sourceServers) {`;
    w.line`$exCert = Get-ExchangeCertificate -Server $server -Thumbprint ${thumbprint} -ErrorAction SilentlyContinue`;
    w.open`if (-not $exCert) {`;
    w.line`$script:Problems += (${m('ps.sendConnector.certificateMissing')} -f ${thumbprint}, $server)`;
    w.mid`} elseif (-not $exCert.HasPrivateKey) {`;
    w.line`$script:Problems += (${m('ps.sendConnector.noPrivateKey')} -f ${thumbprint}, $server)`;
    w.mid`} elseif ([string]$exCert.Services -notmatch 'SMTP') {`;
    // Enabling SMTP asks whether to replace the default certificate, and KB 4495258 says to answer No:
    // that needs a human, so the script names the command and stops.
    w.line`$script:Problems += (${m('ps.sendConnector.notSmtp')} -f ${thumbprint}, $server)`;
    w.mid`} else {`;
    w.line`Write-Host (${m('ps.sendConnector.serverReady')} -f $server, ${thumbprint})`;
    w.line`$tlsName = '<I>' + $exCert.Issuer + '<S>' + $exCert.Subject`;
    w.close`}`;
    w.close`}`;
    w.close`}`;
  },
  fix({ w, plan, m }) {
    const name = plan.sendConnector ?? '';
    w.line`Write-Step ${m('ps.sendConnector.heading')}`;
    w.open`if ([string]$sendConnector.TlsCertificateName -eq $tlsName) {`;
    w.line`Write-Host (${m('ps.sendConnector.alreadySet')} -f ${name})`;
    w.mid`} elseif (Confirm-Change -Target ${name} -Action (${m('ps.sendConnector.action')} -f $tlsName)) {`;
    w.line`Set-SendConnector -Identity ${name} -TlsCertificateName $tlsName`;
    w.line`$script:Changed += 'setSendConnectorCertificate'`;
    w.line`Write-Host (${m('ps.sendConnector.done')} -f ${name}, $tlsName)`;
    w.close`}`;
  },
  rollback({ w, plan, m }) {
    const name = plan.sendConnector ?? '';
    w.line`Write-Step ${m('ps.rollback.sendConnectorHeading')}`;
    w.line`$saved = Join-Path $BackupPath 'send-connectors.xml'`;
    w.open`if (Test-Path -LiteralPath $saved) {`;
    w.line`$before = Import-Clixml -LiteralPath $saved | Where-Object { [string]$_.Name -eq ${name} } | Select-Object -First 1`;
    w.open`if ($before) {`;
    // A deserialised value is not the type Set-SendConnector binds in Windows PowerShell 5.1: a string it is.
    w.line`$savedName = [string]$before.TlsCertificateName`;
    w.open`if ([string](Get-SendConnector -Identity ${name}).TlsCertificateName -eq $savedName) {`;
    w.line`Write-Host (${m('ps.rollback.alreadyRestored')} -f ${name})`;
    w.mid`} elseif (Confirm-Change -Target ${name} -Action (${m('ps.rollback.restoreAction')} -f $savedName)) {`;
    w.open`if ($savedName) {`;
    w.line`Set-SendConnector -Identity ${name} -TlsCertificateName $savedName`;
    w.mid`} else {`;
    w.line`Set-SendConnector -Identity ${name} -TlsCertificateName $null`;
    w.close`}`;
    w.line`Write-Host (${m('ps.rollback.restored')} -f ${name})`;
    w.close`}`;
    w.close`}`;
    w.close`}`;
  },
};
