import type { PsMessages } from '../powershell/messages';
import type { ScriptWriter } from '../powershell/script-writer';
import type { SwitchOverPlan } from './types';

/**
 * Reads the PFX before anything changes: the file the admin copied next to the script (or -PfxPath), its
 * password from -PfxPassword or asked with Read-Host -AsSecureString (never stored; the plain text lives
 * only for the Import call and is dropped at once). The key-holding certificate must be the one the
 * pre-flight judged: another thumbprint, a wrong password or a PFX without a key stops the run before any
 * change. Sets `$PfxBytes` (for Import-ExchangeCertificate -FileData) and leaves `$PfxPath` resolved.
 */
export function writePfxCheck(w: ScriptWriter, plan: SwitchOverPlan, m: PsMessages): void {
  w.line`$PfxBytes = $null`;
  if (plan.pfxFile) {
    w.open`if (-not $PfxPath) {`;
    w.line`$PfxPath = Join-Path -Path $PSScriptRoot -ChildPath ${plan.pfxFile}`;
    w.close`}`;
  }
  w.open`if ($PfxPath) {`;
  w.open`if (-not (Test-Path -LiteralPath $PfxPath)) {`;
  w.line`$script:Problems += (${m('switchover.ps.pfxMissing')} -f $PfxPath)`;
  w.mid`} else {`;
  w.line`$PfxPath = (Resolve-Path -LiteralPath $PfxPath).ProviderPath`;
  w.open`if (-not $PfxPassword) {`;
  w.line`$PfxPassword = Read-Host -AsSecureString -Prompt (${m('switchover.ps.pfxPasswordPrompt')} -f $PfxPath)`;
  w.close`}`;
  w.line`$PfxBytes = [System.IO.File]::ReadAllBytes($PfxPath)`;
  w.line`$pfxLeaf = $null`;
  w.line`$pfxRead = $false`;
  w.open`try {`;
  w.line`$collection = New-Object -TypeName 'System.Security.Cryptography.X509Certificates.X509Certificate2Collection'`;
  w.line`$plain = (New-Object -TypeName 'System.Net.NetworkCredential' -ArgumentList '', $PfxPassword).Password`;
  w.line`$collection.Import($PfxBytes, $plain, [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]::DefaultKeySet)`;
  w.line`$pfxRead = $true`;
  w.line`$pfxLeaf = @($collection | Where-Object { $_.HasPrivateKey })[0]`;
  w.mid`} catch {`;
  w.line`$script:Problems += (${m('switchover.ps.pfxUnreadable')} -f $PfxPath, $_.Exception.Message)`;
  w.mid`} finally {`;
  w.line`$plain = $null`;
  w.close`}`;
  w.open`if ($pfxRead -and -not $pfxLeaf) {`;
  w.line`$script:Problems += (${m('switchover.ps.pfxNoKey')} -f $PfxPath)`;
  w.mid`} elseif ($pfxRead -and $pfxLeaf.Thumbprint -ne $NewThumbprint) {`;
  w.line`$script:Problems += (${m('switchover.ps.pfxThumbprintMismatch')} -f $PfxPath, $pfxLeaf.Thumbprint, $NewThumbprint)`;
  w.mid`} elseif ($pfxRead) {`;
  w.line`Write-Host (${m('switchover.ps.pfxMatches')} -f $PfxPath, $NewThumbprint)`;
  w.close`}`;
  w.close`}`;
  w.close`}`;
}
