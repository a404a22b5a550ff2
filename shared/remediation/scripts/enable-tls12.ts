import type { ScriptBlock } from './types';

/** The Schannel client key for TLS 1.2 (domain.md C8); the values are what Microsoft's TLS 1.2 guidance sets. */
const KEY = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client';

/**
 * domain.md C8: a sender limited to TLS 1.0/1.1 cannot present its certificate to Exchange Online at all.
 * Sets Enabled=1 and DisabledByDefault=0 for the TLS 1.2 client. Backs up the previous values (or their
 * absence) so rollback can restore them exactly. Takes effect after a reboot.
 */
export const enableTls12: ScriptBlock = {
  id: 'enableTls12',
  titleKey: 'guide.tls12.title',
  recordsChange: true,
  applies: () => true,
  backup({ w, m }) {
    w.line`Write-Host ${m('ps.backup.tls12')}`;
    w.line`$tlsBefore = Get-ItemProperty -LiteralPath ${KEY} -ErrorAction SilentlyContinue`;
    w.line`[pscustomobject]@{ KeyExists = [bool]$tlsBefore; Enabled = $(if ($tlsBefore) { $tlsBefore.Enabled }); DisabledByDefault = $(if ($tlsBefore) { $tlsBefore.DisabledByDefault }) } | Export-Clixml -LiteralPath (Join-Path $BackupPath 'tls12-client.xml') -WhatIf:$false`;
  },
  fix({ w, m }) {
    w.line`Write-Step ${m('ps.tls12.heading')}`;
    w.line`$tlsNow = Get-ItemProperty -LiteralPath ${KEY} -ErrorAction SilentlyContinue`;
    w.open`if ($tlsNow -and $tlsNow.Enabled -eq 1 -and $tlsNow.DisabledByDefault -eq 0) {`;
    w.line`Write-Host ${m('ps.tls12.alreadySet')}`;
    w.mid`} elseif (Confirm-Change -Target ${KEY} -Action ${m('ps.tls12.action')}) {`;
    // New-Item -Force on a registry key that exists empties it: create the key (and parents) only if missing.
    w.open`if (-not (Test-Path -LiteralPath ${KEY})) {`;
    w.line`New-Item -Path ${KEY} -Force | Out-Null`;
    w.close`}`;
    w.line`New-ItemProperty -LiteralPath ${KEY} -Name 'Enabled' -Value 1 -PropertyType DWord -Force | Out-Null`;
    w.line`New-ItemProperty -LiteralPath ${KEY} -Name 'DisabledByDefault' -Value 0 -PropertyType DWord -Force | Out-Null`;
    w.line`$script:Changed += 'enableTls12'`;
    w.line`Write-Warning ${m('ps.tls12.reboot')}`;
    w.close`}`;
  },
  rollback({ w, m }) {
    w.line`Write-Step ${m('ps.rollback.tls12Heading')}`;
    w.line`$saved = Join-Path $BackupPath 'tls12-client.xml'`;
    w.open`if (Test-Path -LiteralPath $saved) {`;
    w.line`$before = Import-Clixml -LiteralPath $saved`;
    w.open`if (Confirm-Change -Target ${KEY} -Action ${m('ps.rollback.tls12Action')}) {`;
    w.open`if (-not $before.KeyExists) {`;
    w.line`Remove-Item -LiteralPath ${KEY} -Recurse -ErrorAction SilentlyContinue`;
    w.mid`} else {`;
    w.open`foreach ($name in @('Enabled', 'DisabledByDefault')) {`;
    w.open`if ($null -eq $before.$name) {`;
    w.line`Remove-ItemProperty -LiteralPath ${KEY} -Name $name -ErrorAction SilentlyContinue`;
    w.mid`} else {`;
    w.line`New-ItemProperty -LiteralPath ${KEY} -Name $name -Value $before.$name -PropertyType DWord -Force | Out-Null`;
    w.close`}`;
    w.close`}`;
    w.close`}`;
    w.line`Write-Warning ${m('ps.tls12.reboot')}`;
    w.close`}`;
    w.close`}`;
  },
};
