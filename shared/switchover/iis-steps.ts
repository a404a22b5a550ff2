import type { PsMessages } from '../powershell/messages';
import type { ScriptWriter } from '../powershell/script-writer';
import { openUninstallLoop } from './uninstall-loop';

/**
 * IIS 6 SMTP: the certificate goes into LocalMachine\My of the relay itself (Import-PfxCertificate, PKI
 * module of Windows Server 2012 and later). Which machine certificate SMTPSVC presents as a client is not
 * documented (domain.md §9 question 7), so the old certificate is left where it is until the next session to
 * Exchange Online proves the new one; the script says so. Without a PFX the certificate must already be in
 * My with its key.
 */
export function writeIisCheck(w: ScriptWriter, m: PsMessages): void {
  w.line`$NewStorePath = 'Cert:\\LocalMachine\\My\\' + $NewThumbprint`;
  w.open`if ($PfxBytes -and -not (Get-Command -Name 'Import-PfxCertificate' -ErrorAction SilentlyContinue)) {`;
  w.line`$script:Problems += ${m('switchover.ps.noPkiModule')}`;
  w.close`}`;
  w.open`if (-not $PfxBytes -and -not (Test-Path -LiteralPath $NewStorePath)) {`;
  w.line`$script:Problems += (${m('switchover.ps.notInMy')} -f $NewThumbprint)`;
  w.close`}`;
}

export function writeIisInstall(w: ScriptWriter, m: PsMessages): void {
  w.line`Write-Step ${m('switchover.ps.installHeading')}`;
  w.open`if (Test-Path -LiteralPath $NewStorePath) {`;
  w.line`Write-Host (${m('switchover.ps.alreadyInstalled')} -f $NewThumbprint, $env:COMPUTERNAME)`;
  w.mid`} elseif (Confirm-Change -Target $NewStorePath -Action (${m('switchover.ps.installAction')} -f $NewThumbprint)) {`;
  w.line`Import-PfxCertificate -FilePath $PfxPath -CertStoreLocation 'Cert:\\LocalMachine\\My' -Password $PfxPassword | Out-Null`;
  w.open`if (-not (Test-Path -LiteralPath $NewStorePath)) {`;
  w.line`throw (${m('ps.import.notInStore')} -f $NewThumbprint, $NewThumbprint)`;
  w.close`}`;
  w.line`$script:Installed += [pscustomobject]@{ Server = $env:COMPUTERNAME; Thumbprint = $NewThumbprint }`;
  w.line`Write-Host (${m('switchover.ps.installed')} -f $NewThumbprint, $env:COMPUTERNAME)`;
  w.close`}`;
}

/** SMTPSVC reads certificates when it starts: restarted only on -RestartService, after asking. */
export function writeIisRestart(w: ScriptWriter, m: PsMessages): void {
  w.line`Write-Step ${m('switchover.ps.restartHeading')}`;
  w.open`if (-not $RestartService) {`;
  w.line`Write-Host ${m('switchover.ps.restartHint')}`;
  w.mid`} elseif (Confirm-Change -Target 'SMTPSVC' -Action ${m('switchover.ps.restartAction')}) {`;
  w.line`Restart-Service -Name 'SMTPSVC'`;
  w.close`}`;
  w.line`Write-Host ${m('switchover.ps.iisSelection')}`;
}

/** Removes the certificate from My only where that run installed it (installed.csv). */
export function writeIisRollback(w: ScriptWriter, m: PsMessages): void {
  openUninstallLoop(w, m);
  w.line`$path = 'Cert:\\LocalMachine\\My\\' + $NewThumbprint`;
  w.open`if (-not (Test-Path -LiteralPath $path)) {`;
  w.line`Write-Host (${m('ps.rollback.alreadyGone')} -f $NewThumbprint)`;
  w.mid`} elseif (Confirm-Change -Target $path -Action (${m('switchover.ps.uninstallAction')} -f $NewThumbprint)) {`;
  w.line`Remove-Item -LiteralPath $path`;
  w.line`Write-Host (${m('ps.rollback.removed')} -f $NewThumbprint)`;
  w.close`}`;
  w.close`}`;
}
