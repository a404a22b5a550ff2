import type { PsMessages } from './messages';
import type { ScriptWriter } from './script-writer';

/** Header: the version requirement, then what the script is, when it was made, how to run it (comments). */
export function writeHeader(w: ScriptWriter, lines: readonly string[]): void {
  // Windows PowerShell 3.0 is the oldest with -LiteralPath on Export-Csv and Get-CimInstance; the scripts
  // avoid ::new() (5.0) so that Exchange 2013 on Windows Server 2012 R2 (PowerShell 4.0) can run them.
  w.line`#Requires -Version 3.0`;
  w.comment('Relay Doctor');
  for (const l of lines) w.comment(l);
  w.blank();
}

/**
 * Helpers shared by fix.ps1 and rollback.ps1. `Confirm-Change` is the only gate for a change: in a dry run
 * (no -Apply) it says what would happen and returns false; with -Apply it defers to ShouldProcess, so
 * -WhatIf and -Confirm behave as in any cmdlet. `$PSCmdlet` is captured because a plain function has none.
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
  w.open`function Confirm-Change([string]$Target, [string]$Action) {`;
  w.open`if (-not $Apply) {`;
  w.line`Write-Host (${m('ps.common.dryRunWould')} -f $Action, $Target) -ForegroundColor Yellow`;
  w.line`return $false`;
  w.close`}`;
  w.line`return $script:Cmdlet.ShouldProcess($Target, $Action)`;
  w.close`}`;
  w.blank();
}

/** Changes to LocalMachine stores, services and Schannel need an elevated session; a dry run does not. */
export function writeElevationCheck(w: ScriptWriter, m: PsMessages): void {
  w.line`$identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()`;
  w.line`$isAdmin = (New-Object -TypeName 'System.Security.Principal.WindowsPrincipal' -ArgumentList $identity).IsInRole([System.Security.Principal.WindowsBuiltInRole]::Administrator)`;
  w.open`if ($Apply -and -not $isAdmin) {`;
  w.line`Write-Error ${m('ps.common.notElevated')}`;
  w.line`exit 1`;
  w.close`}`;
  w.open`if (-not $Apply) {`;
  w.line`Write-Host ${m('ps.common.dryRunBanner')} -ForegroundColor Yellow`;
  w.close`}`;
  w.blank();
}

/**
 * Which management shells are present. Exchange cmdlets: the Exchange Management Shell. Exchange Online:
 * only a session that Connect-ExchangeOnline opened, which Get-ConnectionInformation lists as Connected
 * (ExchangeOnlineManagement 3.x) and which brings Set-InboundConnector; without it nothing on the Exchange
 * Online side runs.
 */
export function writeDetection(w: ScriptWriter, m: PsMessages): void {
  w.line`$IsExchange = [bool](Get-Command -Name 'Get-SendConnector' -ErrorAction SilentlyContinue)`;
  w.line`$ExoConnected = $false`;
  w.open`if (Get-Command -Name 'Get-ConnectionInformation' -ErrorAction SilentlyContinue) {`;
  // Security & Compliance sessions are listed too; only an Exchange Online one brings Set-InboundConnector.
  w.line`$ExoConnected = (@(Get-ConnectionInformation | Where-Object { $_.State -eq 'Connected' }).Count -gt 0) -and [bool](Get-Command -Name 'Set-InboundConnector' -ErrorAction SilentlyContinue)`;
  w.close`}`;
  w.line`Write-Host (${m('ps.common.detected')} -f $IsExchange, $ExoConnected)`;
  w.blank();
}
