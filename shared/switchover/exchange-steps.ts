import type { PsMessages } from '../powershell/messages';
import type { ScriptWriter } from '../powershell/script-writer';
import type { SwitchOverPlan } from './types';
import { openUninstallLoop } from './uninstall-loop';

/** Exchange Online's inbound endpoint, as a PowerShell -match pattern. */
const EOP = '\\.mail\\.protection\\.outlook\\.com\\.?$';

/** The certificate is usable for SMTP on a server: present, with its key, SMTP among its services. */
const READY = '($exCert -and $exCert.HasPrivateKey -and ([string]$exCert.Services -match \'SMTP\'))';

/**
 * Read-only checks on Exchange: the Send connector (named, else the only one to Exchange Online), its
 * SourceTransportServers (TlsCertificateName is organisation-wide, domain.md §11.4: every one needs the
 * certificate), and on each the new certificate: without its key it stops; missing, it can only be
 * installed from the PFX. Sets `$SwitchConnectorName` and `$SourceServers`.
 */
export function writeExchangeCheck(w: ScriptWriter, plan: SwitchOverPlan, m: PsMessages): void {
  w.line`$SwitchConnectorName = ''`;
  w.line`$SourceServers = @()`;
  if (plan.sendConnector) {
    w.line`$switchConnector = Get-SendConnector -Identity ${plan.sendConnector} -ErrorAction SilentlyContinue`;
    w.open`if (-not $switchConnector) {`;
    w.line`$script:Problems += (${m('ps.sendConnector.notFound')} -f ${plan.sendConnector})`;
    w.close`}`;
  } else {
    w.line`$eopConnectors = @(Get-SendConnector | Where-Object { @($_.SmartHosts | ForEach-Object { [string]$_ }) -match ${EOP} })`;
    w.line`$switchConnector = $null`;
    w.open`if ($eopConnectors.Count -eq 1) {`;
    w.line`$switchConnector = $eopConnectors[0]`;
    w.mid`} else {`;
    w.line`$script:Problems += (${m('switchover.ps.whichConnector')} -f $eopConnectors.Count)`;
    w.close`}`;
  }
  w.open`if ($switchConnector) {`;
  w.line`$SwitchConnectorName = [string]$switchConnector.Name`;
  w.line`$SourceServers = @($switchConnector.SourceTransportServers | ForEach-Object { [string]$_ })`;
  w.open`if ($SourceServers.Count -eq 0) {`;
  w.line`$SourceServers = @($env:COMPUTERNAME)`;
  w.close`}`;
  w.line`Write-Host (${m('ps.sendConnector.sourceServers')} -f $SwitchConnectorName, ($SourceServers -join ', '))`;
  w.line`Write-Host (${m('switchover.ps.currentName')} -f $SwitchConnectorName, [string]$switchConnector.TlsCertificateName)`;
  w.open`if ($switchConnector.FrontendProxyEnabled) {`;
  w.line`Write-Host (${m('ps.sendConnector.frontendProxy')} -f $SwitchConnectorName)`;
  w.close`}`;
  w.open`foreach ($server in $SourceServers) {`;
  w.line`$exCert = Get-ExchangeCertificate -Server $server -Thumbprint $NewThumbprint -ErrorAction SilentlyContinue`;
  w.open`if ($exCert -and -not $exCert.HasPrivateKey) {`;
  w.line`$script:Problems += (${m('ps.sendConnector.noPrivateKey')} -f $NewThumbprint, $server)`;
  w.mid`} elseif (-not $exCert -and -not $PfxBytes) {`;
  w.line`$script:Problems += (${m('ps.sendConnector.certificateMissing')} -f $NewThumbprint, $server)`;
  w.close`}`;
  w.close`}`;
  // Intermediates go into the CA store of the machine the script runs on; the others need their own run.
  w.line`$otherServers = @($SourceServers | Where-Object { $_ -ne $env:COMPUTERNAME -and $_ -notlike ($env:COMPUTERNAME + '.*') })`;
  w.open`if ($otherServers.Count -gt 0 -and $intermediatesInPack) {`;
  w.line`Write-Warning (${m('switchover.ps.otherServers')} -f ($otherServers -join ', '))`;
  w.close`}`;
  w.close`}`;
}

/** Each source server's default SMTP certificate before the run (defaults.csv) and the connector's name (switch-connector.csv). */
export function writeExchangeBackup(w: ScriptWriter, m: PsMessages): void {
  w.line`Write-Host ${m('switchover.ps.backupDefaults')}`;
  w.line`$Defaults = @($SourceServers | ForEach-Object { [pscustomobject]@{ Server = $_; Thumbprint = [string](Get-TransportService -Identity $_).InternalTransportCertificateThumbprint } })`;
  w.line`$Defaults | Export-Csv -LiteralPath (Join-Path $BackupPath 'defaults.csv') -NoTypeInformation -Encoding UTF8 -WhatIf:$false`;
  w.line`[pscustomobject]@{ Name = $SwitchConnectorName } | Export-Csv -LiteralPath (Join-Path $BackupPath 'switch-connector.csv') -NoTypeInformation -Encoding UTF8 -WhatIf:$false`;
}

/**
 * The switch on Exchange, one idempotent step at a time. Install: Import-ExchangeCertificate -Server on each
 * source server that lacks the certificate (installed.csv records which, for rollback). Enable: SMTP only,
 * never replacing the default certificate: Enable-ExchangeCertificate -Services SMTP asks whether to
 * overwrite the default SMTP certificate and the answer must be No (KB 2989382: a replaced default breaks
 * EdgeSync). -Force would skip that question, so it is never passed: the script says to answer No, then
 * compares InternalTransportCertificateThumbprint before and after and warns when it changed. Repoint: the
 * Send connector gets `<I>issuer<S>subject` as Get-ExchangeCertificate spells them, and only once every
 * source server holds the certificate with its key, enabled for SMTP.
 */
export function writeExchangeSwitch(w: ScriptWriter, plan: SwitchOverPlan, m: PsMessages): void {
  w.line`Write-Step ${m('switchover.ps.installHeading')}`;
  w.open`foreach ($server in $SourceServers) {`;
  w.open`if (Get-ExchangeCertificate -Server $server -Thumbprint $NewThumbprint -ErrorAction SilentlyContinue) {`;
  w.line`Write-Host (${m('switchover.ps.alreadyInstalled')} -f $NewThumbprint, $server)`;
  w.mid`} elseif (Confirm-Change -Target $server -Action (${m('switchover.ps.installAction')} -f $NewThumbprint)) {`;
  w.line`Import-ExchangeCertificate -Server $server -FileData $PfxBytes -Password $PfxPassword | Out-Null`;
  w.line`$script:Installed += [pscustomobject]@{ Server = $server; Thumbprint = $NewThumbprint }`;
  w.line`Write-Host (${m('switchover.ps.installed')} -f $NewThumbprint, $server)`;
  w.close`}`;
  w.close`}`;
  w.blank();
  w.line`Write-Step ${m('switchover.ps.enableHeading')}`;
  w.open`foreach ($server in $SourceServers) {`;
  w.line`$exCert = Get-ExchangeCertificate -Server $server -Thumbprint $NewThumbprint -ErrorAction SilentlyContinue`;
  w.open`if ($exCert -and ([string]$exCert.Services -match 'SMTP')) {`;
  w.line`Write-Host (${m('switchover.ps.alreadyEnabled')} -f $NewThumbprint, $server)`;
  w.mid`} elseif (Confirm-Change -Target $server -Action (${m('switchover.ps.enableAction')} -f $NewThumbprint)) {`;
  w.line`$defaultBefore = [string](Get-TransportService -Identity $server).InternalTransportCertificateThumbprint`;
  w.line`Write-Host ${m('switchover.ps.answerNo')} -ForegroundColor Yellow`;
  w.line`Enable-ExchangeCertificate -Server $server -Thumbprint $NewThumbprint -Services 'SMTP'`;
  w.line`$script:Changed += 'enableSmtp'`;
  w.line`$defaultAfter = [string](Get-TransportService -Identity $server).InternalTransportCertificateThumbprint`;
  w.open`if ($defaultAfter -ne $defaultBefore) {`;
  w.line`Write-Warning (${m('switchover.ps.defaultReplaced')} -f $server, $defaultBefore, $defaultAfter)`;
  w.mid`} else {`;
  w.line`Write-Host (${m('switchover.ps.defaultKept')} -f $server, $defaultBefore)`;
  w.close`}`;
  w.close`}`;
  w.close`}`;
  w.blank();
  w.line`Write-Step ${m('ps.sendConnector.heading')}`;
  w.line`$tlsName = ${plan.tlsCertificateName}`;
  w.line`$notReady = @()`;
  w.open`foreach ($server in $SourceServers) {`;
  w.line`$exCert = Get-ExchangeCertificate -Server $server -Thumbprint $NewThumbprint -ErrorAction SilentlyContinue`;
  w.open`if ($exCert) {`;
  // The value as Exchange spells the names is the one it matches (domain.md §1.4).
  w.line`$tlsName = '<I>' + $exCert.Issuer + '<S>' + $exCert.Subject`;
  w.close`}`;
  w.open`if (-not ${READY}) {`;
  w.line`$notReady += $server`;
  w.close`}`;
  w.close`}`;
  w.open`if ([string](Get-SendConnector -Identity $SwitchConnectorName).TlsCertificateName -eq $tlsName) {`;
  w.line`Write-Host (${m('ps.sendConnector.alreadySet')} -f $SwitchConnectorName)`;
  w.mid`} elseif ($Apply -and $notReady.Count -gt 0) {`;
  w.line`Write-Warning (${m('switchover.ps.notRepointed')} -f $SwitchConnectorName, ($notReady -join ', '))`;
  w.mid`} elseif (Confirm-Change -Target $SwitchConnectorName -Action (${m('ps.sendConnector.action')} -f $tlsName)) {`;
  w.line`Set-SendConnector -Identity $SwitchConnectorName -TlsCertificateName $tlsName`;
  w.line`$script:Changed += 'setSendConnectorCertificate'`;
  w.line`Write-Host (${m('ps.sendConnector.done')} -f $SwitchConnectorName, $tlsName)`;
  w.close`}`;
}

/** After the fix pack's verification: the connector names the new certificate, and no default SMTP certificate changed. */
export function writeExchangeVerify(w: ScriptWriter, m: PsMessages): void {
  w.line`$nowName = [string](Get-SendConnector -Identity $SwitchConnectorName).TlsCertificateName`;
  w.open`if ($nowName -eq $tlsName) {`;
  w.line`Write-Host (${m('switchover.ps.connectorNames')} -f $SwitchConnectorName, $nowName) -ForegroundColor Green`;
  w.mid`} else {`;
  w.line`Write-Warning (${m('switchover.ps.connectorNamesOther')} -f $SwitchConnectorName, $nowName)`;
  w.close`}`;
  w.open`foreach ($saved in $Defaults) {`;
  w.line`$now = [string](Get-TransportService -Identity $saved.Server).InternalTransportCertificateThumbprint`;
  w.open`if ($now -ne [string]$saved.Thumbprint) {`;
  w.line`Write-Warning (${m('switchover.ps.defaultReplaced')} -f $saved.Server, [string]$saved.Thumbprint, $now)`;
  w.close`}`;
  w.close`}`;
}

/**
 * Rollback on Exchange, only what that run changed: the connector gets its saved TlsCertificateName back (a
 * [string]: Windows PowerShell 5.1 cannot bind the deserialised value), a default SMTP certificate that was
 * replaced after all is enabled again (this time the answer is Yes), and the certificate is removed from the
 * servers where that run installed it (installed.csv), never from one that had it before.
 */
export function writeExchangeRollback(w: ScriptWriter, m: PsMessages): void {
  w.line`Write-Step ${m('ps.rollback.sendConnectorHeading')}`;
  w.line`$connectorFile = Join-Path $BackupPath 'switch-connector.csv'`;
  w.line`$saved = Join-Path $BackupPath 'send-connectors.xml'`;
  w.open`if (($changed -contains 'setSendConnectorCertificate') -and (Test-Path -LiteralPath $connectorFile) -and (Test-Path -LiteralPath $saved)) {`;
  w.line`$name = [string](@(Import-Csv -LiteralPath $connectorFile)[0].Name)`;
  w.line`$before = Import-Clixml -LiteralPath $saved | Where-Object { [string]$_.Name -eq $name } | Select-Object -First 1`;
  w.open`if ($before) {`;
  w.line`$savedName = [string]$before.TlsCertificateName`;
  w.open`if ([string](Get-SendConnector -Identity $name).TlsCertificateName -eq $savedName) {`;
  w.line`Write-Host (${m('ps.rollback.alreadyRestored')} -f $name)`;
  w.mid`} elseif (Confirm-Change -Target $name -Action (${m('ps.rollback.restoreAction')} -f $savedName)) {`;
  w.open`if ($savedName) {`;
  w.line`Set-SendConnector -Identity $name -TlsCertificateName $savedName`;
  w.mid`} else {`;
  w.line`Set-SendConnector -Identity $name -TlsCertificateName $null`;
  w.close`}`;
  w.line`Write-Host (${m('ps.rollback.restored')} -f $name)`;
  w.close`}`;
  w.close`}`;
  w.mid`} else {`;
  w.line`Write-Host (${m('ps.rollback.unchanged')} -f ${m('guide.sendConnector.title')})`;
  w.close`}`;
  w.blank();
  w.line`$defaultsFile = Join-Path $BackupPath 'defaults.csv'`;
  w.open`if (Test-Path -LiteralPath $defaultsFile) {`;
  w.open`foreach ($saved in @(Import-Csv -LiteralPath $defaultsFile)) {`;
  w.line`$now = [string](Get-TransportService -Identity $saved.Server).InternalTransportCertificateThumbprint`;
  w.open`if ($saved.Thumbprint -and $now -ne [string]$saved.Thumbprint -and (Confirm-Change -Target ([string]$saved.Server) -Action (${m('switchover.ps.restoreDefaultAction')} -f [string]$saved.Thumbprint))) {`;
  w.line`Write-Host ${m('switchover.ps.answerYes')} -ForegroundColor Yellow`;
  w.line`Enable-ExchangeCertificate -Server ([string]$saved.Server) -Thumbprint ([string]$saved.Thumbprint) -Services 'SMTP'`;
  w.close`}`;
  w.close`}`;
  w.close`}`;
  w.blank();
  openUninstallLoop(w, m);
  w.open`if (-not (Get-ExchangeCertificate -Server ([string]$row.Server) -Thumbprint $NewThumbprint -ErrorAction SilentlyContinue)) {`;
  w.line`Write-Host (${m('ps.rollback.alreadyGone')} -f $NewThumbprint)`;
  w.mid`} elseif (Confirm-Change -Target ([string]$row.Server) -Action (${m('switchover.ps.uninstallAction')} -f $NewThumbprint)) {`;
  w.line`Remove-ExchangeCertificate -Server ([string]$row.Server) -Thumbprint $NewThumbprint -Confirm:$false`;
  w.line`Write-Host (${m('ps.rollback.removed')} -f $NewThumbprint)`;
  w.close`}`;
  w.close`}`;
}
