import { formatList } from '../i18n/lists';
import type { Result } from '../result';
import { generatedAtText, psMessages, type PsMessages } from '../powershell/messages';
import { writeDetection, writeHeader, writeHelpers } from '../powershell/preamble';
import { writeBackupFolder, writeRunRecords, writeStateBackup } from '../powershell/run-folder';
import { ScriptWriter, type ScriptError } from '../powershell/script-writer';
import { enableStartTls } from '../remediation/scripts/enable-starttls';
import { importIntermediates } from '../remediation/scripts/import-intermediates';
import { verifyChain } from '../remediation/scripts/verify-chain';
import { asFixPlan } from './fix-plan-view';
import { writePfxCheck } from './pfx-step';
import { writeExchangeBackup, writeExchangeCheck, writeExchangeSwitch, writeExchangeVerify } from './exchange-steps';
import { writeIisCheck, writeIisInstall, writeIisRestart } from './iis-steps';
import type { SwitchOverPlan } from './types';

/** The step titles the plan prints, in the order the script runs them. */
export function switchOverSteps(plan: SwitchOverPlan): string[] {
  const import_ = plan.intermediates.length ? ['switchover.step.intermediates'] : [];
  return plan.platform === 'exchange'
    ? [...import_, 'switchover.step.install', 'switchover.step.enable', 'switchover.step.repoint', 'switchover.step.verify']
    : [...import_, 'switchover.step.install', 'switchover.step.outboundSecurity', 'switchover.step.restart', 'switchover.step.verify'];
}

/** The variables both scripts start from: the new certificate's thumbprint and `<I>issuer<S>subject`. */
export function writeNewCertificate(w: ScriptWriter, plan: SwitchOverPlan): void {
  w.line`$NewThumbprint = ${plan.certificate.sha1.toUpperCase()}`;
  w.line`$NewSubject = ${plan.certificate.subject}`;
  w.line`$intermediatesInPack = ${plan.intermediates.length > 0}`;
}

function writeHeaderAndParams(w: ScriptWriter, plan: SwitchOverPlan, m: PsMessages): void {
  writeHeader(w, [
    m('switchover.ps.synopsis'),
    m('switchover.ps.generated', { at: generatedAtText(plan.generatedAt, plan.locale), subject: plan.certificate.subject, thumbprint: plan.certificate.sha1 }),
    m('ps.common.shell'),
    m('ps.common.unblock', { script: 'switch-over.ps1' }),
    m('switchover.ps.usageDryRun'),
    m('switchover.ps.usageApply'),
  ]);
  w.line`[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]`;
  w.open`param(`;
  w.line`[switch]$Apply,`;
  w.line`[string]$PfxPath = '',`;
  w.line`[System.Security.SecureString]$PfxPassword = $null,`;
  if (plan.platform === 'iis') w.line`[switch]$RestartService,`;
  w.line`[switch]$Force,`;
  w.line`[string]$BackupPath = ''`;
  w.close`)`;
  w.blank();
}

/**
 * switch-over.ps1 (issue 22 item 2), to the fix pack's standard: a dry run unless -Apply; the session checked
 * first (shell, elevation); the plan printed; every read-only check (the PFX's thumbprint and key, the
 * embedded intermediates' thumbprints, the connector and each source server) before anything changes, a
 * problem stopping the run; a pre-flight that said "will break" refuses -Apply unless -Force. Then the
 * backup (stores, Send connectors, default SMTP certificates), the steps, and the fix pack's verification
 * of the local stores and every source server, plus the connector's name. The records rollback.ps1 reads
 * are written even when a step fails half-way.
 */
export function generateSwitchOverScript(plan: SwitchOverPlan): Result<string, ScriptError> {
  const m = psMessages(plan.locale);
  const w = new ScriptWriter();
  const ctx = { w, plan: asFixPlan(plan), m };
  const exchange = plan.platform === 'exchange';
  writeHeaderAndParams(w, plan, m);
  writeHelpers(w, m);
  writeDetection(w, m, { changes: true, exchange, exchangeOnline: false });
  writeNewCertificate(w, plan);
  w.line`Write-Step ${m('ps.fix.planHeading')}`;
  switchOverSteps(plan).forEach((key, i) => {
    w.line`Write-Host (${`  ${i + 1}. `} + ${m(key)})`;
  });
  writeBackupFolder(w, 'switch-over-transcript.txt');
  w.line`$script:Imported = @()`;
  w.line`$script:Changed = @()`;
  w.line`$script:Problems = @()`;
  w.line`$script:Installed = @()`;
  w.open`try {`;
  w.line`Write-Step ${m('ps.fix.checkHeading')}`;
  if (plan.verdict === 'willBreak') {
    w.line`Write-Warning (${m('switchover.ps.preflightFailed')} -f ${formatList(plan.locale, plan.failed)})`;
    w.open`if ($Apply -and -not $Force) {`;
    w.line`$script:Problems += ${m('switchover.ps.preflightBlocks')}`;
    w.close`}`;
  }
  writePfxCheck(w, plan, m);
  if (plan.intermediates.length) importIntermediates.check?.(ctx);
  if (exchange) writeExchangeCheck(w, plan, m);
  else {
    writeIisCheck(w, m);
    enableStartTls.check?.(ctx);
  }
  for (const o of plan.omitted) w.line`Write-Warning (${m('ps.common.valueOmitted')} -f ${o.field}, ${o.codePoint})`;
  w.open`if ($script:Problems.Count -gt 0) {`;
  w.line`Stop-Script -Reasons $script:Problems`;
  w.close`}`;
  writeStateBackup(w, m);
  if (exchange) writeExchangeBackup(w, m);
  else enableStartTls.backup?.(ctx);
  w.line`Write-Host (${m('ps.backup.done')} -f $BackupPath)`;
  w.blank();
  if (plan.intermediates.length) importIntermediates.fix(ctx);
  w.blank();
  if (exchange) writeExchangeSwitch(w, plan, m);
  else {
    writeIisInstall(w, m);
    w.blank();
    enableStartTls.fix(ctx);
    w.blank();
    writeIisRestart(w, m);
  }
  w.blank();
  verifyChain.fix(ctx);
  if (exchange) writeExchangeVerify(w, m);
  w.mid`} finally {`;
  writeRunRecords(w);
  w.open`if ($script:Installed.Count -gt 0) {`;
  w.line`$script:Installed | Export-Csv -LiteralPath (Join-Path $BackupPath 'installed.csv') -NoTypeInformation -Encoding UTF8 -WhatIf:$false`;
  w.close`}`;
  w.line`Write-Host ''`;
  w.open`if ($script:Changed.Count -gt 0 -or $script:Imported.Count -gt 0 -or $script:Installed.Count -gt 0) {`;
  w.line`Write-Host (${m('switchover.ps.rollbackHint')} -f $BackupPath)`;
  w.mid`} else {`;
  w.line`Write-Host (${m('ps.backup.done')} -f $BackupPath)`;
  w.close`}`;
  w.line`Stop-Transcript | Out-Null`;
  w.close`}`;
  w.line`exit 0`;
  return w.finish();
}
