import type { PsMessages } from '../powershell/messages';
import type { ScriptWriter } from '../powershell/script-writer';

/**
 * The uninstall step of both rollbacks: a loop over the rows of installed.csv that passes over any row not
 * for the new certificate (a record of another run must never make this one remove a certificate). Opens
 * `foreach (...) {` with `$row`; the caller writes the removal and closes it.
 */
export function openUninstallLoop(w: ScriptWriter, m: PsMessages): void {
  w.line`Write-Step ${m('switchover.ps.uninstallHeading')}`;
  w.open`foreach ($row in $installed) {`;
  w.open`if ([string]$row.Thumbprint -ne $NewThumbprint) {`;
  w.line`Write-Warning (${m('ps.rollback.notOurs')} -f [string]$row.Thumbprint)`;
  w.line`continue`;
  w.close`}`;
}
