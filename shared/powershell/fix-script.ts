import type { FixPlan } from '../fixpack/types';
import { scriptBlock } from '../remediation/scripts/registry';
import type { ScriptBlock } from '../remediation/scripts/types';
import { psMessages } from './messages';
import { writeDetection, writeElevationCheck, writeHeader, writeHelpers } from './preamble';
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

/**
 * fix.ps1 (architecture.md "Outputs"): a dry run unless -Apply; elevation check; transcript and backup in a
 * per-run folder; then each script block of the plan; the thumbprints it imported go to imported.csv, which
 * rollback.ps1 reads. Returns the script text (CRLF); `encodePs1` adds the BOM.
 */
export function generateFixScript(plan: FixPlan): Result<string, ScriptError> {
  const m = psMessages(plan.locale);
  const w = new ScriptWriter();
  const blocks = planBlocks(plan);
  writeHeader(w, [
    m('ps.fix.synopsis'),
    m('ps.common.generated', { at: plan.generatedAt, causes: plan.causeIds.join(', ') || '-' }),
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
  writeElevationCheck(w, m);
  w.open`if (-not $BackupPath) {`;
  w.line`$BackupPath = Join-Path -Path $PSScriptRoot -ChildPath ('backup-' + (Get-Date -Format 'yyyyMMdd-HHmmss'))`;
  w.close`}`;
  w.line`New-Item -ItemType Directory -Path $BackupPath -Force -WhatIf:$false | Out-Null`;
  w.line`Start-Transcript -LiteralPath (Join-Path $BackupPath 'fix-transcript.txt') -WhatIf:$false | Out-Null`;
  w.line`$script:Imported = @()`;
  w.line`$script:Changed = @()`;
  w.open`try {`;
  writeDetection(w, m);
  w.line`Write-Step ${m('ps.backup.heading')}`;
  w.open`foreach ($storeName in @('CA', 'My')) {`;
  w.line`Get-ChildItem -LiteralPath ('Cert:\\LocalMachine\\' + $storeName) | Select-Object -Property ${['Thumbprint', 'Subject', 'Issuer', 'NotBefore', 'NotAfter']} | Export-Csv -LiteralPath (Join-Path $BackupPath ('store-LocalMachine-' + $storeName + '.csv')) -NoTypeInformation -Encoding UTF8 -WhatIf:$false`;
  w.close`}`;
  // The Send connectors are saved whenever Exchange is present: cheap, and the first thing an admin asks for.
  w.open`if ($IsExchange) {`;
  w.line`Write-Host ${m('ps.backup.sendConnectors')}`;
  w.line`Get-SendConnector | Select-Object -Property ${['Identity', 'Name', 'TlsCertificateName', 'RequireTLS', 'SmartHosts', 'Fqdn']} | Export-Clixml -LiteralPath (Join-Path $BackupPath 'send-connectors.xml') -WhatIf:$false`;
  w.close`}`;
  for (const b of blocks) b.backup?.({ w, plan, m });
  w.line`Write-Host (${m('ps.backup.done')} -f $BackupPath)`;
  for (const b of skippedBlocks(plan)) {
    // Said up front and in the transcript: the guide's manual steps cover what the script cannot do.
    w.line`Write-Warning (${m('ps.common.skipped')} -f ${format(plan.locale, b.titleKey)})`;
  }
  for (const b of blocks) {
    w.blank();
    b.fix({ w, plan, m });
  }
  w.mid`} finally {`;
  w.open`if ($script:Imported.Count -gt 0) {`;
  w.line`$script:Imported | ForEach-Object { [pscustomobject]@{ Thumbprint = $_ } } | Export-Csv -LiteralPath (Join-Path $BackupPath 'imported.csv') -NoTypeInformation -Encoding UTF8 -WhatIf:$false`;
  w.close`}`;
  w.open`if ($script:Changed.Count -gt 0) {`;
  w.line`$script:Changed | ForEach-Object { [pscustomobject]@{ Block = $_ } } | Export-Csv -LiteralPath (Join-Path $BackupPath 'changed.csv') -NoTypeInformation -Encoding UTF8 -WhatIf:$false`;
  w.close`}`;
  w.line`Write-Host ''`;
  w.line`Write-Host (${m('ps.fix.rollbackHint')} -f $BackupPath)`;
  w.line`Stop-Transcript | Out-Null`;
  w.close`}`;
  return w.finish();
}
