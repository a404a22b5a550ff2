import type { Result } from '../result';
import { closeRollbackRun, openRollbackRun, writeRollbackParams } from '../powershell/run-folder';
import { generatedAtText, psMessages } from '../powershell/messages';
import { writeDetection, writeHeader, writeHelpers } from '../powershell/preamble';
import { ScriptWriter, type ScriptError } from '../powershell/script-writer';
import { enableStartTls } from '../remediation/scripts/enable-starttls';
import { importIntermediates } from '../remediation/scripts/import-intermediates';
import { asFixPlan } from './fix-plan-view';
import { writeExchangeRollback } from './exchange-steps';
import { writeIisRollback } from './iis-steps';
import { writeNewCertificate } from './script';
import type { SwitchOverPlan } from './types';

/**
 * rollback.ps1 of the switch-over: undoes one run of switch-over.ps1, named by its backup folder, and only
 * what that run changed (changed.csv, installed.csv, imported.csv): the Send connector's old name, a
 * replaced default SMTP certificate, the new certificate where that run installed it, the intermediates it
 * imported (the fix pack's own rollback of the import), IIS's Outbound Security. Dry run unless -Apply.
 */
export function generateSwitchOverRollback(plan: SwitchOverPlan): Result<string, ScriptError> {
  const m = psMessages(plan.locale);
  const w = new ScriptWriter();
  const ctx = { w, plan: asFixPlan(plan), m };
  writeHeader(w, [
    m('switchover.ps.rollbackSynopsis'),
    m('switchover.ps.generated', { at: generatedAtText(plan.generatedAt, plan.locale), subject: plan.certificate.subject, thumbprint: plan.certificate.sha1 }),
    m('ps.common.shell'),
    m('ps.rollback.usage'),
  ]);
  writeRollbackParams(w);
  writeHelpers(w, m);
  writeDetection(w, m, { changes: true, exchange: plan.platform === 'exchange', exchangeOnline: false });
  writeNewCertificate(w, plan);
  openRollbackRun(w, m);
  w.line`$installed = @()`;
  w.line`$installedFile = Join-Path $BackupPath 'installed.csv'`;
  w.open`if (Test-Path -LiteralPath $installedFile) {`;
  w.line`$installed = @(Import-Csv -LiteralPath $installedFile)`;
  w.close`}`;
  w.blank();
  if (plan.platform === 'exchange') writeExchangeRollback(w, m);
  else {
    w.open`if ($changed -contains 'enableStartTls') {`;
    enableStartTls.rollback?.(ctx);
    w.close`}`;
    writeIisRollback(w, m);
  }
  if (plan.intermediates.length) {
    w.blank();
    importIntermediates.rollback?.(ctx);
  }
  closeRollbackRun(w, m);
  return w.finish();
}
