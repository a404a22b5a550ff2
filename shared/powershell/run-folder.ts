import type { PsMessages } from './messages';
import type { ScriptWriter } from './script-writer';

/**
 * The per-run backup folder every changing script (fix.ps1, switch-over.ps1) keeps: one folder per run,
 * never shared, so a second run in the same second cannot overwrite the first's backup; the transcript
 * goes into it. Sets `$BackupPath` unless the admin gave one.
 */
export function writeBackupFolder(w: ScriptWriter, transcript: string): void {
  w.open`if (-not $BackupPath) {`;
  w.line`$stamp = Get-Date -Format 'yyyyMMdd-HHmmss'`;
  w.line`$BackupPath = Join-Path -Path $PSScriptRoot -ChildPath ('backup-' + $stamp)`;
  w.line`$run = 1`;
  w.open`while (Test-Path -LiteralPath $BackupPath) {`;
  w.line`$run++`;
  w.line`$BackupPath = Join-Path -Path $PSScriptRoot -ChildPath ('backup-' + $stamp + '-' + $run)`;
  w.close`}`;
  w.close`}`;
  w.line`New-Item -ItemType Directory -Path $BackupPath -Force -WhatIf:$false | Out-Null`;
  w.line`Start-Transcript -LiteralPath (Join-Path $BackupPath ${transcript}) -WhatIf:$false | Out-Null`;
}

/** The machine's CA and My stores as CSV, and on Exchange every Send connector (Clixml): cheap, and the first thing asked for. */
export function writeStateBackup(w: ScriptWriter, m: PsMessages): void {
  w.line`Write-Step ${m('ps.backup.heading')}`;
  w.open`foreach ($storeName in @('CA', 'My')) {`;
  w.line`Get-ChildItem -LiteralPath ('Cert:\\LocalMachine\\' + $storeName) | Select-Object -Property ${['Thumbprint', 'Subject', 'Issuer', 'NotBefore', 'NotAfter']} | Export-Csv -LiteralPath (Join-Path $BackupPath ('store-LocalMachine-' + $storeName + '.csv')) -NoTypeInformation -Encoding UTF8 -WhatIf:$false`;
  w.close`}`;
  w.open`if ($IsExchange) {`;
  w.line`Write-Host ${m('ps.backup.sendConnectors')}`;
  // One flat list for -Property: names and the calculated property side by side (an array inside the list
  // would not bind).
  w.line`Get-SendConnector | Select-Object -Property 'Identity', 'Name', 'TlsCertificateName', 'RequireTLS', 'IgnoreSTARTTLS', 'TlsAuthLevel', 'SmartHosts', 'Fqdn', 'FrontendProxyEnabled', 'ProtocolLoggingLevel', @{ Name = 'SourceTransportServers'; Expression = { @($_.SourceTransportServers | ForEach-Object { [string]$_ }) } } | Export-Clixml -LiteralPath (Join-Path $BackupPath 'send-connectors.xml') -WhatIf:$false`;
  w.close`}`;
}

/** What rollback.ps1 trusts: the thumbprints imported into CA (imported.csv) and the steps that changed something (changed.csv). */
export function writeRunRecords(w: ScriptWriter): void {
  w.open`if ($script:Imported.Count -gt 0) {`;
  w.line`$script:Imported | ForEach-Object { [pscustomobject]@{ Thumbprint = $_ } } | Export-Csv -LiteralPath (Join-Path $BackupPath 'imported.csv') -NoTypeInformation -Encoding UTF8 -WhatIf:$false`;
  w.close`}`;
  w.open`if ($script:Changed.Count -gt 0) {`;
  w.line`$script:Changed | Select-Object -Unique | ForEach-Object { [pscustomobject]@{ Block = $_ } } | Export-Csv -LiteralPath (Join-Path $BackupPath 'changed.csv') -NoTypeInformation -Encoding UTF8 -WhatIf:$false`;
  w.close`}`;
}

/** rollback.ps1's side of the records: `$imported` (thumbprints) and `$changed` (step ids), empty when absent. */
export function writeReadRunRecords(w: ScriptWriter): void {
  w.line`$imported = @()`;
  w.line`$importedFile = Join-Path $BackupPath 'imported.csv'`;
  w.open`if (Test-Path -LiteralPath $importedFile) {`;
  w.line`$imported = @(Import-Csv -LiteralPath $importedFile | ForEach-Object { $_.Thumbprint })`;
  w.close`}`;
  w.line`$changed = @()`;
  w.line`$changedFile = Join-Path $BackupPath 'changed.csv'`;
  w.open`if (Test-Path -LiteralPath $changedFile) {`;
  w.line`$changed = @(Import-Csv -LiteralPath $changedFile | ForEach-Object { $_.Block })`;
  w.close`}`;
}

/** rollback.ps1's parameters: the backup folder of the run to undo, and -Apply (a dry run without it). */
export function writeRollbackParams(w: ScriptWriter): void {
  w.line`[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]`;
  w.open`param(`;
  w.line`[Parameter(Mandatory = $true)]`;
  w.line`[string]$BackupPath,`;
  w.line`[switch]$Apply`;
  w.close`)`;
  w.blank();
}

/** A rollback's start: stop unless the run's backup folder exists, keep a transcript there, read its records; opens `try {`. */
export function openRollbackRun(w: ScriptWriter, m: PsMessages): void {
  w.open`if (-not (Test-Path -LiteralPath $BackupPath)) {`;
  w.line`Stop-Script -Reasons @((${m('ps.rollback.noBackup')} -f $BackupPath))`;
  w.close`}`;
  w.line`Start-Transcript -LiteralPath (Join-Path $BackupPath 'rollback-transcript.txt') -WhatIf:$false | Out-Null`;
  w.open`try {`;
  writeReadRunRecords(w);
}

/** A rollback's end, matching openRollbackRun: closes its `try {`, ends the transcript, exits 0. */
export function closeRollbackRun(w: ScriptWriter, m: PsMessages): void {
  w.mid`} finally {`;
  w.line`Write-Host ${m('ps.rollback.finished')}`;
  w.line`Stop-Transcript | Out-Null`;
  w.close`}`;
  // An explicit 0: the exit code of a run that got here does not depend on the last native command.
  w.line`exit 0`;
}
