import type { BlockContext, ScriptBlock } from './types';

/**
 * The Exchange Online side (domain.md C2, C3): Set-InboundConnector. Exchange Online cmdlets exist only in a
 * session opened with Connect-ExchangeOnline, so every part checks Get-ConnectionInformation for a connected
 * ExchangeOnlineManagement session first and otherwise prints what to run there.
 */
function guard({ w, m }: BlockContext, body: () => void): void {
  w.open`if (-not $ExoConnected) {`;
  w.line`Write-Host ${m('ps.exo.notConnected')}`;
  w.mid`} else {`;
  body();
  w.close`}`;
}

function backup(ctx: BlockContext): void {
  const { w, plan, m } = ctx;
  const name = plan.inboundConnector?.name ?? '';
  w.open`if ($ExoConnected) {`;
  w.line`Write-Host ${m('ps.backup.inboundConnector')}`;
  w.line`Get-InboundConnector -Identity ${name} | Select-Object -Property ${['Identity', 'Name', 'Enabled', 'ConnectorType', 'TlsSenderCertificateName', 'SenderIPAddresses', 'RequireTls', 'RestrictDomainsToCertificate']} | Export-Clixml -LiteralPath (Join-Path $BackupPath 'inbound-connector.xml') -WhatIf:$false`;
  w.close`}`;
}

function restore(ctx: BlockContext, property: 'TlsSenderCertificateName' | 'SenderIPAddresses'): void {
  const { w, plan, m } = ctx;
  const name = plan.inboundConnector?.name ?? '';
  w.line`Write-Step ${m('ps.rollback.inboundHeading')}`;
  w.line`$saved = Join-Path $BackupPath 'inbound-connector.xml'`;
  w.open`if ($ExoConnected -and (Test-Path -LiteralPath $saved)) {`;
  w.line`$before = Import-Clixml -LiteralPath $saved`;
  if (property === 'TlsSenderCertificateName') {
    w.open`if (Confirm-Change -Target ${name} -Action (${m('ps.rollback.restoreAction')} -f [string]$before.TlsSenderCertificateName)) {`;
    w.line`Set-InboundConnector -Identity ${name} -TlsSenderCertificateName $before.TlsSenderCertificateName`;
  } else {
    w.open`if (Confirm-Change -Target ${name} -Action (${m('ps.rollback.restoreAction')} -f (@($before.SenderIPAddresses) -join ', '))) {`;
    w.line`Set-InboundConnector -Identity ${name} -SenderIPAddresses @($before.SenderIPAddresses)`;
  }
  w.close`}`;
  w.mid`} elseif (-not $ExoConnected) {`;
  w.line`Write-Host ${m('ps.exo.notConnected')}`;
  w.close`}`;
}

export const setInboundConnectorName: ScriptBlock = {
  id: 'setInboundConnectorName',
  titleKey: 'guide.inboundName.title',
  recordsChange: true,
  applies: (plan) => !!plan.inboundConnector?.name && !!plan.inboundConnector.tlsSenderCertificateName,
  backup,
  fix(ctx) {
    const { w, plan, m } = ctx;
    const name = plan.inboundConnector?.name ?? '';
    const value = plan.inboundConnector?.tlsSenderCertificateName ?? '';
    w.line`Write-Step ${m('ps.inbound.nameHeading')}`;
    guard(ctx, () => {
      w.open`if (Confirm-Change -Target ${name} -Action (${m('ps.inbound.nameAction')} -f ${value})) {`;
      w.line`Set-InboundConnector -Identity ${name} -TlsSenderCertificateName ${value}`;
      w.line`$script:Changed += 'setInboundConnectorName'`;
      w.line`Write-Host (${m('ps.inbound.done')} -f ${name})`;
      w.close`}`;
    });
  },
  rollback: (ctx) => restore(ctx, 'TlsSenderCertificateName'),
};

export const setInboundConnectorIps: ScriptBlock = {
  id: 'setInboundConnectorIps',
  titleKey: 'guide.inboundIps.title',
  recordsChange: true,
  applies: (plan) => !!plan.inboundConnector?.name && (plan.inboundConnector.senderIpAddresses?.length ?? 0) > 0,
  backup,
  fix(ctx) {
    const { w, plan, m } = ctx;
    const name = plan.inboundConnector?.name ?? '';
    const ips = plan.inboundConnector?.senderIpAddresses ?? [];
    w.line`Write-Step ${m('ps.inbound.ipsHeading')}`;
    guard(ctx, () => {
      w.open`if (Confirm-Change -Target ${name} -Action (${m('ps.inbound.ipsAction')} -f ${ips.join(', ')})) {`;
      w.line`Set-InboundConnector -Identity ${name} -SenderIPAddresses ${ips}`;
      w.line`$script:Changed += 'setInboundConnectorIps'`;
      w.line`Write-Host (${m('ps.inbound.done')} -f ${name})`;
      w.close`}`;
    });
  },
  rollback: (ctx) => restore(ctx, 'SenderIPAddresses'),
};
