import type { PsMessages } from './messages';
import type { ScriptWriter } from './script-writer';

/** Header: the version requirement, then what the script is, when it was made, how to run it (comments). */
export function writeHeader(w: ScriptWriter, lines: readonly string[]): void {
  // Windows PowerShell 3.0 is the oldest with -LiteralPath on Export-Csv and Get-CimInstance; the scripts
  // avoid ::new() (5.0) so that Exchange 2013 on Windows Server 2012 R2 (PowerShell 4.0) can run them.
  // Nothing of PowerShell 6+ is used either (test/ps/Windows51.Tests.ps1 refuses it on the AST).
  w.line`#Requires -Version 3.0`;
  w.comment('Relay Doctor');
  for (const l of lines) w.comment(l);
  w.blank();
}

/**
 * Helpers shared by fix.ps1 and rollback.ps1. `Confirm-Change` is the only gate for a change: in a dry run
 * (no -Apply) it says what would happen and returns false; with -Apply it defers to ShouldProcess, so
 * -WhatIf and -Confirm behave as in any cmdlet. `-HighImpact` (Exchange Online changes) goes through an
 * advanced function of ConfirmImpact High, which asks even without -Confirm unless the script was run
 * with -Confirm:$false. `$PSCmdlet` is captured because a plain function has none.
 * `Test-Elevated` asks WindowsPrincipal.IsInRole(Administrator), which is false on a UAC-filtered token;
 * where that .NET call is not available it reads the token's integrity level from whoami.exe (High
 * S-1-16-12288, System S-1-16-16384): the same answer. Unknown counts as not elevated.
 */
export function writeHelpers(w: ScriptWriter, m: PsMessages): void {
  w.line`$ErrorActionPreference = 'Stop'`;
  w.line`$script:Cmdlet = $PSCmdlet`;
  w.blank();
  w.open`function Write-Step([string]$Text) {`;
  w.line`Write-Host ''`;
  w.line`Write-Host ('== ' + $Text) -ForegroundColor Cyan`;
  w.close`}`;
  w.blank();
  w.open`function Confirm-HighImpact {`;
  w.line`[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]`;
  w.line`param([string]$Target, [string]$Action)`;
  w.line`return $PSCmdlet.ShouldProcess($Target, $Action)`;
  w.close`}`;
  w.blank();
  w.open`function Confirm-Change([string]$Target, [string]$Action, [switch]$HighImpact) {`;
  w.open`if (-not $Apply) {`;
  w.line`Write-Host (${m('ps.common.dryRunWould')} -f $Action, $Target) -ForegroundColor Yellow`;
  w.line`return $false`;
  w.close`}`;
  w.open`if ($HighImpact) {`;
  w.line`return (Confirm-HighImpact -Target $Target -Action $Action)`;
  w.close`}`;
  w.line`return $script:Cmdlet.ShouldProcess($Target, $Action)`;
  w.close`}`;
  w.blank();
  w.open`function Test-Elevated {`;
  w.open`try {`;
  w.line`$principal = New-Object -TypeName 'System.Security.Principal.WindowsPrincipal' -ArgumentList ([System.Security.Principal.WindowsIdentity]::GetCurrent())`;
  w.line`return [bool]$principal.IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)`;
  w.mid`} catch {`;
  // Where the .NET principal is not available, the token's integrity level answers the same question.
  w.open`try {`;
  w.line`$groups = @(& whoami.exe /groups /fo csv /nh 2>$null)`;
  w.line`return [bool](@($groups | Where-Object { $_ -match 'S-1-16-(12288|16384)' }).Count -gt 0)`;
  w.mid`} catch {`;
  w.line`return $false`;
  w.close`}`;
  w.close`}`;
  w.close`}`;
  w.blank();
  // Stops the script with each reason on the error stream (red in every console) and exit code 1.
  w.open`function Stop-Script([string[]]$Reasons) {`;
  w.open`foreach ($reason in $Reasons) {`;
  w.line`Write-Error -Message $reason -ErrorAction Continue`;
  w.close`}`;
  w.line`Write-Host ${m('ps.common.stopped')} -ForegroundColor Red`;
  w.line`exit 1`;
  w.close`}`;
  w.blank();
}

/** What a script needs from the session it runs in, decided by its blocks at generation. */
export interface ShellNeeds {
  /** A change to this machine: -Apply must run elevated. */
  readonly changes: boolean;
  /** The transport restart: elevated only when -Apply -RestartTransport asks for it. */
  readonly restart?: boolean;
  /** Exchange cmdlets (Get-SendConnector …): the Exchange Management Shell. */
  readonly exchange: boolean;
  /** Exchange Online cmdlets: a session opened with Connect-ExchangeOnline. */
  readonly exchangeOnline: boolean;
}

/**
 * Which management shells are present, and a stop before anything else when the script needs one that is
 * not (domain.md §11.4: say which shell, never skip a step silently). Exchange cmdlets exist only in the
 * Exchange Management Shell (or after its snap-in is loaded): a server with MSExchangeTransport but no
 * Get-SendConnector is an Exchange server in a plain PowerShell window, which is stopped too, since its
 * Send connectors and certificates cannot be checked from there. Exchange Online: only a session that
 * Connect-ExchangeOnline opened, which Get-ConnectionInformation lists as Connected (ExchangeOnlineManagement
 * 3.x) and which brings Set-InboundConnector. -Apply needs an elevated session; a dry run only reads.
 */
export function writeDetection(w: ScriptWriter, m: PsMessages, needs: ShellNeeds): void {
  w.line`$IsExchange = [bool](Get-Command -Name 'Get-SendConnector' -ErrorAction SilentlyContinue)`;
  w.line`$ExchangeServer = [bool](Get-Service -Name 'MSExchangeTransport' -ErrorAction SilentlyContinue)`;
  w.line`$IisSmtp = [bool](Get-Service -Name 'SMTPSVC' -ErrorAction SilentlyContinue)`;
  w.line`$ExoConnected = $false`;
  w.open`if (Get-Command -Name 'Get-ConnectionInformation' -ErrorAction SilentlyContinue) {`;
  // Security & Compliance sessions are listed too; only an Exchange Online one brings Set-InboundConnector.
  w.line`$ExoConnected = (@(Get-ConnectionInformation | Where-Object { $_.State -eq 'Connected' }).Count -gt 0) -and [bool](Get-Command -Name 'Set-InboundConnector' -ErrorAction SilentlyContinue)`;
  w.close`}`;
  w.line`$Elevated = Test-Elevated`;
  w.line`Write-Host (${m('ps.common.detected')} -f $IsExchange, $ExoConnected, $IisSmtp, $Elevated)`;
  w.line`$missingShell = @()`;
  if (needs.changes) {
    w.open`if ($Apply -and -not $Elevated) {`;
    w.line`$missingShell += ${m('ps.common.notElevated')}`;
    w.close`}`;
  } else if (needs.restart) {
    w.open`if ($Apply -and $RestartTransport -and -not $Elevated) {`;
    w.line`$missingShell += ${m('ps.common.notElevated')}`;
    w.close`}`;
  }
  if (needs.exchange) {
    w.open`if (-not $IsExchange) {`;
    w.line`$missingShell += ${m('ps.common.needsExchangeShell')}`;
    w.close`}`;
  } else {
    w.open`if ($ExchangeServer -and -not $IsExchange) {`;
    w.line`$missingShell += ${m('ps.common.needsExchangeShell')}`;
    w.close`}`;
  }
  if (needs.exchangeOnline) {
    w.open`if (-not $ExoConnected) {`;
    w.line`$missingShell += ${m('ps.common.needsExchangeOnline')}`;
    w.close`}`;
  }
  w.open`if ($missingShell.Count -gt 0) {`;
  w.line`Stop-Script -Reasons $missingShell`;
  w.close`}`;
  w.open`if (-not $Apply) {`;
  w.line`Write-Host ${m('ps.common.dryRunBanner')} -ForegroundColor Yellow`;
  if (needs.changes || needs.restart) {
    w.open`if (-not $Elevated) {`;
    w.line`Write-Host ${m('ps.common.dryRunNotElevated')} -ForegroundColor Yellow`;
    w.close`}`;
  }
  w.close`}`;
  w.blank();
}
