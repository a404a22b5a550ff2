import type { FixPlan } from '../fixpack/types';
import { scriptBlock } from '../remediation/scripts/registry';
import type { ScriptBlock } from '../remediation/scripts/types';
import { psMessages } from './messages';
import { writeDetection, writeHeader, writeHelpers, type ShellNeeds } from './preamble';
import { ScriptWriter, type ScriptError } from './script-writer';
import type { Result } from '../result';
import { format } from '../i18n/format';

/** The plan's blocks that have what they need: these run. */
export function planBlocks(plan: FixPlan): ScriptBlock[] {
  return plan.blocks.map(scriptBlock).filter((b): b is ScriptBlock => !!b && b.applies(plan));
}

/** Blocks the causes call for but the evidence cannot feed (no intermediate DER, no connector name). */
export function skippedBlocks(plan: FixPlan): ScriptBlock[] {
  return plan.blocks.map(scriptBlock).filter((b): b is ScriptBlock => !!b && !b.applies(plan));
}

/** What the blocks need from the session: elevation for a change, the Exchange or Exchange Online shell. */
export function shellNeeds(blocks: readonly ScriptBlock[]): ShellNeeds {
  return {
    changes: blocks.some((b) => b.changes !== false && b.id !== 'restartTransport'),
    restart: blocks.some((b) => b.id === 'restartTransport'),
    exchange: blocks.some((b) => b.needs?.exchange),
    exchangeOnline: blocks.some((b) => b.needs?.exchangeOnline),
  };
}

/**
 * fix.ps1 (architecture.md "Outputs"): a dry run unless -Apply. First the session: the shells the blocks
 * need and, for -Apply, elevation, or a stop naming what to open (preamble). Then the plan is printed, a
 * transcript started in a per-run backup folder, and every block's read-only checks run; a problem (an
 * embedded certificate whose thumbprint does not match, a certificate missing on a source server) stops the
 * script before any change. Then the backup, then each block's change; the thumbprints it imported go to
 * imported.csv and the blocks that changed something to changed.csv, which rollback.ps1 reads. Returns the
 * script text (CRLF); `encodePs1` adds the BOM.
 */
export function generateFixScript(plan: FixPlan): Result<string, ScriptError> {
  const m = psMessages(plan.locale);
  const w = new ScriptWriter();
  const blocks = planBlocks(plan);
  writeHeader(w, [
    m('ps.fix.synopsis'),
    m('ps.common.generated', { at: plan.generatedAt, causes: plan.causeIds.join(', ') || '-' }),
    m('ps.common.shell'),
    m('ps.common.unblock'),
    m('ps.fix.usageDryRun'),
    m('ps.fix.usageApply'),
  ]);
  w.line`[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]`;
  w.open`param(`;
  w.line`[switch]$Apply,`;
  w.line`[switch]$RestartTransport,`;
  w.line`[switch]$Force,`;
  w.line`[string]$BackupPath = ''`;
  w.close`)`;
  w.blank();
  writeHelpers(w, m);
  writeDetection(w, m, shellNeeds(blocks));
  w.line`Write-Step ${m('ps.fix.planHeading')}`;
  blocks.forEach((b, i) => {
    w.line`Write-Host (${`  ${i + 1}. `} + ${format(plan.locale, b.titleKey)})`;
  });
  // One folder per run, never shared: a second run in the same second must not overwrite the first's backup.
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
  w.line`Start-Transcript -LiteralPath (Join-Path $BackupPath 'fix-transcript.txt') -WhatIf:$false | Out-Null`;
  w.line`$script:Imported = @()`;
  w.line`$script:Changed = @()`;
  w.line`$script:Problems = @()`;
  w.open`try {`;
  w.line`Write-Step ${m('ps.fix.checkHeading')}`;
  for (const b of blocks) b.check?.({ w, plan, m });
  for (const b of skippedBlocks(plan)) {
    // Said up front and in the transcript: the guide's manual steps cover what the script cannot do.
    w.line`Write-Warning (${m('ps.common.skipped')} -f ${format(plan.locale, b.titleKey)})`;
  }
  for (const o of plan.omitted) {
    w.line`Write-Warning (${m('ps.common.valueOmitted')} -f ${o.field}, ${o.codePoint})`;
  }
  w.open`if ($script:Problems.Count -gt 0) {`;
  w.line`Stop-Script -Reasons $script:Problems`;
  w.close`}`;
  w.line`Write-Step ${m('ps.backup.heading')}`;
  w.open`foreach ($storeName in @('CA', 'My')) {`;
  w.line`Get-ChildItem -LiteralPath ('Cert:\\LocalMachine\\' + $storeName) | Select-Object -Property ${['Thumbprint', 'Subject', 'Issuer', 'NotBefore', 'NotAfter']} | Export-Csv -LiteralPath (Join-Path $BackupPath ('store-LocalMachine-' + $storeName + '.csv')) -NoTypeInformation -Encoding UTF8 -WhatIf:$false`;
  w.close`}`;
  // The Send connectors are saved whenever Exchange is present: cheap, and the first thing an admin asks for.
  w.open`if ($IsExchange) {`;
  w.line`Write-Host ${m('ps.backup.sendConnectors')}`;
  // One flat list for -Property: names and the calculated property side by side (an array inside the list
  // would not bind).
  w.line`Get-SendConnector | Select-Object -Property 'Identity', 'Name', 'TlsCertificateName', 'RequireTLS', 'IgnoreSTARTTLS', 'TlsAuthLevel', 'SmartHosts', 'Fqdn', 'FrontendProxyEnabled', 'ProtocolLoggingLevel', @{ Name = 'SourceTransportServers'; Expression = { @($_.SourceTransportServers | ForEach-Object { [string]$_ }) } } | Export-Clixml -LiteralPath (Join-Path $BackupPath 'send-connectors.xml') -WhatIf:$false`;
  w.close`}`;
  for (const b of blocks) b.backup?.({ w, plan, m });
  w.line`Write-Host (${m('ps.backup.done')} -f $BackupPath)`;
  for (const b of blocks) {
    w.blank();
    b.fix({ w, plan, m });
  }
  w.mid`} finally {`;
  w.open`if ($script:Imported.Count -gt 0) {`;
  w.line`$script:Imported | ForEach-Object { [pscustomobject]@{ Thumbprint = $_ } } | Export-Csv -LiteralPath (Join-Path $BackupPath 'imported.csv') -NoTypeInformation -Encoding UTF8 -WhatIf:$false`;
  w.close`}`;
  w.open`if ($script:Changed.Count -gt 0) {`;
  w.line`$script:Changed | Select-Object -Unique | ForEach-Object { [pscustomobject]@{ Block = $_ } } | Export-Csv -LiteralPath (Join-Path $BackupPath 'changed.csv') -NoTypeInformation -Encoding UTF8 -WhatIf:$false`;
  w.close`}`;
  w.line`Write-Host ''`;
  // The way back is offered only after a run that changed something; otherwise the backup folder is named.
  w.open`if ($script:Changed.Count -gt 0 -or $script:Imported.Count -gt 0) {`;
  w.line`Write-Host (${m('ps.fix.rollbackHint')} -f $BackupPath)`;
  w.mid`} else {`;
  w.line`Write-Host (${m('ps.backup.done')} -f $BackupPath)`;
  w.close`}`;
  w.line`Stop-Transcript | Out-Null`;
  w.close`}`;
  // An explicit 0: the exit code of a run that got here does not depend on the last native command.
  w.line`exit 0`;
  return w.finish();
}
