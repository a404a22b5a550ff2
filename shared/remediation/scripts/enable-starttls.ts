import type { ScriptBlock } from './types';

/** Exchange Online's inbound endpoint: the smart host of the connector or virtual server that relays. */
const EOP = '\\.mail\\.protection\\.outlook\\.com\\.?$';

/**
 * domain.md C8 and §11.4: a relay that never issues STARTTLS cannot present its certificate. On IIS 6 SMTP
 * the fix is the virtual server's Delivery ▸ Outbound Security ▸ TLS encryption, which is the metabase
 * property AlwaysUseSsl of IIsSmtpServerSetting (IIS 6 WMI provider, root/MicrosoftIISv2); where that
 * provider is not installed ("IIS 6 WMI Compatibility") the script stops and the guide's manual steps
 * say where the box is. On Exchange it is the Send connector's RequireTLS $true with IgnoreSTARTTLS $false.
 * Only the connector or virtual servers that smart-host to Exchange Online are changed (or the one there is).
 * What each had before is saved, and rollback puts exactly that back.
 */
export const enableStartTls: ScriptBlock = {
  id: 'enableStartTls',
  titleKey: 'guide.startTls.title',
  recordsChange: true,
  changes: true,
  applies: () => true,
  check({ w, plan, m }) {
    w.line`$startTlsTargets = @()`;
    w.open`if ($IsExchange) {`;
    if (plan.sendConnector) {
      w.line`$startTlsTargets = @(Get-SendConnector -Identity ${plan.sendConnector} -ErrorAction SilentlyContinue)`;
    } else {
      w.line`$startTlsTargets = @(Get-SendConnector | Where-Object { @($_.SmartHosts | ForEach-Object { [string]$_ }) -match ${EOP} })`;
    }
    w.open`if ($startTlsTargets.Count -eq 0) {`;
    w.line`$script:Problems += ${m('ps.startTls.noConnector')}`;
    w.close`}`;
    w.mid`} elseif ($IisSmtp) {`;
    w.line`$virtualServers = @(Get-CimInstance -Namespace 'root/MicrosoftIISv2' -ClassName 'IIsSmtpServerSetting' -ErrorAction SilentlyContinue)`;
    w.line`$startTlsTargets = @($virtualServers | Where-Object { [string]$_.SmartHost -match ${EOP} })`;
    w.open`if ($startTlsTargets.Count -eq 0 -and $virtualServers.Count -eq 1) {`;
    w.line`$startTlsTargets = $virtualServers`;
    w.close`}`;
    w.open`if ($virtualServers.Count -eq 0) {`;
    w.line`$script:Problems += ${m('ps.startTls.noIisWmi')}`;
    w.mid`} elseif ($startTlsTargets.Count -eq 0) {`;
    w.line`$script:Problems += ${m('ps.startTls.whichVirtualServer')}`;
    w.close`}`;
    w.mid`} else {`;
    w.line`$script:Problems += ${m('ps.startTls.noRelay')}`;
    w.close`}`;
  },
  backup({ w, m }) {
    w.line`Write-Host ${m('ps.backup.startTls')}`;
    w.open`if ($IsExchange) {`;
    w.line`$startTlsTargets | Select-Object -Property @{ Name = 'Kind'; Expression = { 'SendConnector' } }, @{ Name = 'Name'; Expression = { [string]$_.Name } }, @{ Name = 'RequireTLS'; Expression = { [bool]$_.RequireTLS } }, @{ Name = 'IgnoreSTARTTLS'; Expression = { [bool]$_.IgnoreSTARTTLS } } | Export-Clixml -LiteralPath (Join-Path $BackupPath 'starttls.xml') -WhatIf:$false`;
    w.mid`} else {`;
    w.line`$startTlsTargets | Select-Object -Property @{ Name = 'Kind'; Expression = { 'IisSmtp' } }, @{ Name = 'Name'; Expression = { [string]$_.Name } }, @{ Name = 'AlwaysUseSsl'; Expression = { [bool]$_.AlwaysUseSsl } } | Export-Clixml -LiteralPath (Join-Path $BackupPath 'starttls.xml') -WhatIf:$false`;
    w.close`}`;
  },
  fix({ w, m }) {
    w.line`Write-Step ${m('ps.startTls.heading')}`;
    w.open`foreach ($target in $startTlsTargets) {`;
    w.line`$targetName = [string]$target.Name`;
    w.open`if ($IsExchange) {`;
    w.open`if ($target.RequireTLS -and -not $target.IgnoreSTARTTLS) {`;
    w.line`Write-Host (${m('ps.startTls.alreadySet')} -f $targetName)`;
    w.mid`} elseif (Confirm-Change -Target $targetName -Action ${m('ps.startTls.exchangeAction')}) {`;
    w.line`Set-SendConnector -Identity $targetName -RequireTLS $true -IgnoreSTARTTLS $false`;
    w.line`$script:Changed += 'enableStartTls'`;
    w.line`Write-Host (${m('ps.startTls.done')} -f $targetName)`;
    w.close`}`;
    w.mid`} else {`;
    w.open`if ($target.AlwaysUseSsl) {`;
    w.line`Write-Host (${m('ps.startTls.alreadySet')} -f $targetName)`;
    w.mid`} elseif (Confirm-Change -Target $targetName -Action ${m('ps.startTls.iisAction')}) {`;
    w.line`Set-CimInstance -InputObject $target -Property @{ AlwaysUseSsl = $true } | Out-Null`;
    w.line`$script:Changed += 'enableStartTls'`;
    w.line`Write-Host (${m('ps.startTls.done')} -f $targetName)`;
    w.line`Write-Warning ${m('ps.startTls.iisRestart')}`;
    w.close`}`;
    w.close`}`;
    w.close`}`;
  },
  rollback({ w, m }) {
    w.line`Write-Step ${m('ps.rollback.startTlsHeading')}`;
    w.line`$saved = Join-Path $BackupPath 'starttls.xml'`;
    w.open`if (Test-Path -LiteralPath $saved) {`;
    w.open`foreach ($before in @(Import-Clixml -LiteralPath $saved)) {`;
    w.line`$targetName = [string]$before.Name`;
    w.open`if ([string]$before.Kind -eq 'SendConnector') {`;
    w.line`$now = Get-SendConnector -Identity $targetName`;
    w.open`if ([bool]$now.RequireTLS -eq [bool]$before.RequireTLS -and [bool]$now.IgnoreSTARTTLS -eq [bool]$before.IgnoreSTARTTLS) {`;
    w.line`Write-Host (${m('ps.rollback.alreadyRestored')} -f $targetName)`;
    w.mid`} elseif (Confirm-Change -Target $targetName -Action (${m('ps.rollback.restoreAction')} -f ('RequireTLS=' + [bool]$before.RequireTLS + ', IgnoreSTARTTLS=' + [bool]$before.IgnoreSTARTTLS))) {`;
    w.line`Set-SendConnector -Identity $targetName -RequireTLS ([bool]$before.RequireTLS) -IgnoreSTARTTLS ([bool]$before.IgnoreSTARTTLS)`;
    w.line`Write-Host (${m('ps.rollback.restored')} -f $targetName)`;
    w.close`}`;
    w.mid`} else {`;
    w.line`$now = @(Get-CimInstance -Namespace 'root/MicrosoftIISv2' -ClassName 'IIsSmtpServerSetting' | Where-Object { [string]$_.Name -eq $targetName })[0]`;
    w.open`if (-not $now -or [bool]$now.AlwaysUseSsl -eq [bool]$before.AlwaysUseSsl) {`;
    w.line`Write-Host (${m('ps.rollback.alreadyRestored')} -f $targetName)`;
    w.mid`} elseif (Confirm-Change -Target $targetName -Action (${m('ps.rollback.restoreAction')} -f ('AlwaysUseSsl=' + [bool]$before.AlwaysUseSsl))) {`;
    w.line`Set-CimInstance -InputObject $now -Property @{ AlwaysUseSsl = [bool]$before.AlwaysUseSsl } | Out-Null`;
    w.line`Write-Host (${m('ps.rollback.restored')} -f $targetName)`;
    w.close`}`;
    w.close`}`;
    w.close`}`;
    w.close`}`;
  },
};
