import type { FixPlan } from '../fixpack/types';
import { scriptBlock } from '../remediation/scripts/registry';
import type { ScriptBlock } from '../remediation/scripts/types';
import { generatedParams, psMessages } from './messages';
import { writeDetection, writeHeader, writeHelpers, type ShellNeeds } from './preamble';
import { ScriptWriter, type ScriptError } from './script-writer';
import { writeBackupFolder, writeRunRecords, writeStateBackup } from './run-folder';
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
    m('ps.common.generated', generatedParams(plan)),
    m('ps.common.shell'),
    m('ps.common.unblock', { script: 'fix.ps1' }),
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
  writeBackupFolder(w, 'fix-transcript.txt');
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
  writeStateBackup(w, m);
  for (const b of blocks) b.backup?.({ w, plan, m });
  w.line`Write-Host (${m('ps.backup.done')} -f $BackupPath)`;
  for (const b of blocks) {
    w.blank();
    b.fix({ w, plan, m });
  }
  w.mid`} finally {`;
  writeRunRecords(w);
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
