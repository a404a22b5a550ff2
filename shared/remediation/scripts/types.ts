import type { ScriptWriter } from '../../powershell/script-writer';
import type { PsMessages } from '../../powershell/messages';
import type { FixPlan } from '../../fixpack/types';

export interface BlockContext {
  readonly w: ScriptWriter;
  readonly plan: FixPlan;
  readonly m: PsMessages;
}

/**
 * One remediation action as PowerShell. fix.ps1 runs every block's `backup` first (so the backup is complete
 * before anything changes), then every `fix`; rollback.ps1 runs the `rollback` parts in reverse order.
 * Blocks write through the ScriptWriter, so every value they use is quoted.
 *
 * Conventions the fix script's preamble provides: `$Apply`, `$BackupPath`, `$IsExchange`, the functions
 * `Confirm-Change -Target -Action` (false in a dry run) and `Write-Step`, `$script:Imported` (a list the
 * import adds thumbprints to; written to imported.csv) and `$script:Changed` (block ids that changed
 * something; written to changed.csv). Both files are what rollback.ps1 trusts.
 */
export interface ScriptBlock {
  readonly id: string;
  /** The step's title in the guide catalog; fix.ps1 names a skipped block with it. */
  readonly titleKey: string;
  /**
   * True when the fix part records in `$script:Changed` that it changed something: rollback.ps1 then
   * restores this block's settings only if that run really changed them (changed.csv in the backup).
   */
  readonly recordsChange?: boolean;
  /** False when the plan lacks what the block needs (no intermediates, no connector name): it is left out. */
  applies(plan: FixPlan): boolean;
  /** The session this block needs: the Exchange Management Shell, or Connect-ExchangeOnline (checked first). */
  readonly needs?: { readonly exchange?: boolean; readonly exchangeOnline?: boolean };
  /** False for a block that changes nothing on this machine (the verification, Exchange Online): no elevation. */
  readonly changes?: boolean;
  /**
   * Read-only checks that run before the backup, in a dry run too: a problem that would make the change
   * wrong (a thumbprint that does not match, a certificate missing on a source server) is added to
   * `$script:Problems`, and the script stops before any change when there is one.
   */
  check?(ctx: BlockContext): void;
  backup?(ctx: BlockContext): void;
  fix(ctx: BlockContext): void;
  rollback?(ctx: BlockContext): void;
}
