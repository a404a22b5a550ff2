import type { BlockContext, ScriptBlock } from './types';

/**
 * The Exchange Online side (domain.md C2, C3): Set-InboundConnector. Exchange Online cmdlets exist only in a
 * session opened with Connect-ExchangeOnline, which the script checks first and stops without (preamble).
 * A change to the tenant asks for confirmation as a ConfirmImpact High cmdlet does, unless -Confirm:$false.
 * Before the change the connector is read: one that the Hybrid Configuration Wizard made (ConnectorSource
 * HybridWizard) is rewritten by its next run, which the admin is told before the hand edit (§11.4).
 */
function check({ w, plan, m }: BlockContext): void {
  const name = plan.inboundConnector?.name ?? '';
  w.line`$inbound = Get-InboundConnector -Identity ${name} -ErrorAction SilentlyContinue`;
  w.open`if (-not $inbound) {`;
  w.line`$script:Problems += (${m('ps.inbound.notFound')} -f ${name})`;
  w.mid`} else {`;
  w.line`Write-Host (${m('ps.inbound.current')} -f ${name}, [string]$inbound.ConnectorType, [string]$inbound.ConnectorSource, [string]$inbound.TlsSenderCertificateName, (@($inbound.SenderIPAddresses | ForEach-Object { [string]$_ }) -join ', '))`;
  w.open`if ([string]$inbound.ConnectorSource -eq 'HybridWizard') {`;
  w.line`Write-Warning (${m('ps.inbound.hybridWizard')} -f ${name})`;
  w.close`}`;
  w.open`if ([string]$inbound.ConnectorType -ne 'OnPremises') {`;
  w.line`Write-Warning (${m('ps.inbound.notOnPremises')} -f ${name}, [string]$inbound.ConnectorType)`;
  w.close`}`;
  w.close`}`;
}

function backup({ w, m }: BlockContext): void {
  w.line`Write-Host ${m('ps.backup.inboundConnector')}`;
  w.line`$inbound | Select-Object -Property ${['Identity', 'Name', 'Enabled', 'ConnectorType', 'ConnectorSource', 'TlsSenderCertificateName', 'SenderIPAddresses', 'RequireTls', 'RestrictDomainsToCertificate']} | Export-Clixml -LiteralPath (Join-Path $BackupPath 'inbound-connector.xml') -WhatIf:$false`;
}

function restore(ctx: BlockContext, property: 'TlsSenderCertificateName' | 'SenderIPAddresses'): void {
  const { w, plan, m } = ctx;
  const name = plan.inboundConnector?.name ?? '';
  w.line`Write-Step ${m('ps.rollback.inboundHeading')}`;
  w.line`$saved = Join-Path $BackupPath 'inbound-connector.xml'`;
  w.open`if (Test-Path -LiteralPath $saved) {`;
  w.line`$before = Import-Clixml -LiteralPath $saved`;
  w.line`$now = Get-InboundConnector -Identity ${name}`;
  if (property === 'TlsSenderCertificateName') {
    // Deserialised values become plain strings before they go back to the cmdlet (§11.4).
    w.line`$savedName = [string]$before.TlsSenderCertificateName`;
    w.open`if ([string]$now.TlsSenderCertificateName -eq $savedName) {`;
    w.line`Write-Host (${m('ps.rollback.alreadyRestored')} -f ${name})`;
    w.mid`} elseif (Confirm-Change -HighImpact -Target ${name} -Action (${m('ps.rollback.restoreAction')} -f $savedName)) {`;
    w.line`Set-InboundConnector -Identity ${name} -TlsSenderCertificateName $savedName`;
    w.line`Write-Host (${m('ps.rollback.restored')} -f ${name})`;
    w.close`}`;
  } else {
    w.line`$savedIps = [string[]]@($before.SenderIPAddresses | ForEach-Object { [string]$_ })`;
    w.line`$nowIps = [string[]]@($now.SenderIPAddresses | ForEach-Object { [string]$_ })`;
    w.open`if ((@($savedIps | Sort-Object) -join ',') -eq (@($nowIps | Sort-Object) -join ',')) {`;
    w.line`Write-Host (${m('ps.rollback.alreadyRestored')} -f ${name})`;
    w.mid`} elseif (Confirm-Change -HighImpact -Target ${name} -Action (${m('ps.rollback.restoreAction')} -f ($savedIps -join ', '))) {`;
    w.line`Set-InboundConnector -Identity ${name} -SenderIPAddresses $savedIps`;
    w.line`Write-Host (${m('ps.rollback.restored')} -f ${name})`;
    w.close`}`;
  }
  w.close`}`;
}

export const setInboundConnectorName: ScriptBlock = {
  id: 'setInboundConnectorName',
  titleKey: 'guide.inboundName.title',
  recordsChange: true,
  // A change to the tenant, not to this machine: no elevation needed (Connect-ExchangeOnline is).
  changes: false,
  needs: { exchangeOnline: true },
  applies: (plan) => !!plan.inboundConnector?.name && !!plan.inboundConnector.tlsSenderCertificateName,
  check,
  backup,
  fix(ctx) {
    const { w, plan, m } = ctx;
    const name = plan.inboundConnector?.name ?? '';
    const value = plan.inboundConnector?.tlsSenderCertificateName ?? '';
    w.line`Write-Step ${m('ps.inbound.nameHeading')}`;
    w.open`if ([string]$inbound.TlsSenderCertificateName -eq ${value}) {`;
    w.line`Write-Host (${m('ps.inbound.alreadySet')} -f ${name})`;
    w.mid`} elseif (Confirm-Change -HighImpact -Target ${name} -Action (${m('ps.inbound.nameAction')} -f ${value})) {`;
    w.line`Set-InboundConnector -Identity ${name} -TlsSenderCertificateName ${value}`;
    w.line`$script:Changed += 'setInboundConnectorName'`;
    w.line`Write-Host (${m('ps.inbound.done')} -f ${name})`;
    w.close`}`;
  },
  rollback: (ctx) => restore(ctx, 'TlsSenderCertificateName'),
};

export const setInboundConnectorIps: ScriptBlock = {
  id: 'setInboundConnectorIps',
  titleKey: 'guide.inboundIps.title',
  recordsChange: true,
  // A change to the tenant, not to this machine: no elevation needed (Connect-ExchangeOnline is).
  changes: false,
  needs: { exchangeOnline: true },
  applies: (plan) => !!plan.inboundConnector?.name && (plan.inboundConnector.senderIpAddresses?.length ?? 0) > 0,
  check,
  backup,
  fix(ctx) {
    const { w, plan, m } = ctx;
    const name = plan.inboundConnector?.name ?? '';
    const ips = plan.inboundConnector?.senderIpAddresses ?? [];
    w.line`Write-Step ${m('ps.inbound.ipsHeading')}`;
    w.line`$wantedIps = [string[]]${ips}`;
    w.line`$currentIps = [string[]]@($inbound.SenderIPAddresses | ForEach-Object { [string]$_ })`;
    w.open`if ((@($currentIps | Sort-Object) -join ',') -eq (@($wantedIps | Sort-Object) -join ',')) {`;
    w.line`Write-Host (${m('ps.inbound.alreadySet')} -f ${name})`;
    w.mid`} elseif (Confirm-Change -HighImpact -Target ${name} -Action (${m('ps.inbound.ipsAction')} -f ($wantedIps -join ', '))) {`;
    w.line`Set-InboundConnector -Identity ${name} -SenderIPAddresses $wantedIps`;
    w.line`$script:Changed += 'setInboundConnectorIps'`;
    w.line`Write-Host (${m('ps.inbound.done')} -f ${name})`;
    w.close`}`;
  },
  rollback: (ctx) => restore(ctx, 'SenderIPAddresses'),
};
