import type { FixPlan } from '../fixpack/types';
import { generatedParams, psMessages } from './messages';
import { writeDetection, writeHeader, writeHelpers } from './preamble';
import { ScriptWriter, type ScriptError } from './script-writer';
import { planBlocks, shellNeeds } from './fix-script';
import type { Result } from '../result';
import { closeRollbackRun, openRollbackRun, writeRollbackParams } from './run-folder';
import { format } from '../i18n/format';

/**
 * rollback.ps1: undoes one run of fix.ps1, identified by its backup folder. It removes only certificates
 * that are both in this pack and listed in that run's imported.csv (never one that was there before), and
 * restores connector and Schannel settings from the saved copies. Dry run unless -Apply, like the fix.
 */
export function generateRollbackScript(plan: FixPlan): Result<string, ScriptError> {
  const m = psMessages(plan.locale);
  const w = new ScriptWriter();
  writeHeader(w, [
    m('ps.rollback.synopsis'),
    m('ps.common.generated', generatedParams(plan)),
    m('ps.common.shell'),
    m('ps.rollback.usage'),
  ]);
  writeRollbackParams(w);
  writeHelpers(w, m);
  writeDetection(w, m, shellNeeds(planBlocks(plan).filter((b) => b.rollback)));
  openRollbackRun(w, m);
  for (const b of [...planBlocks(plan)].reverse()) {
    if (!b.rollback) continue;
    w.blank();
    if (!b.recordsChange) {
      b.rollback({ w, plan, m });
      continue;
    }
    // Restore only what that run changed: a setting it found already right, or a dry run, is left alone.
    w.open`if ($changed -contains ${b.id}) {`;
    b.rollback({ w, plan, m });
    w.mid`} else {`;
    w.line`Write-Host (${m('ps.rollback.unchanged')} -f ${format(plan.locale, b.titleKey)})`;
    w.close`}`;
  }
  closeRollbackRun(w, m);
  return w.finish();
}
