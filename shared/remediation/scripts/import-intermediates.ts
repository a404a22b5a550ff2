import type { ScriptBlock } from './types';

/**
 * KB 3212877: put each missing intermediate into LocalMachine\CA, where Schannel picks it up to send the
 * whole chain. The DER travels inside the script as Base64; before anything changes, the SHA-1 of those
 * bytes (a certificate's thumbprint) must equal the one Relay Doctor computed, so a damaged or edited
 * script stops before the first change. Each certificate is written to the run's backup folder and imported
 * with Import-Certificate (PKI module, Windows Server 2012 and later), or certutil -addstore where that
 * module is missing. A certificate already in the store is skipped, which makes the script idempotent and
 * keeps rollback from removing what was there before.
 */
export const importIntermediates: ScriptBlock = {
  id: 'importIntermediates',
  titleKey: 'guide.import.title',
  changes: true,
  applies: (plan) => plan.intermediates.length > 0,
  check({ w, plan, m }) {
    w.open`function Get-Sha1Hex([byte[]]$Bytes) {`;
    w.line`$sha1 = [System.Security.Cryptography.SHA1]::Create()`;
    w.open`try {`;
    w.line`return (($sha1.ComputeHash($Bytes) | ForEach-Object { $_.ToString('X2') }) -join '')`;
    w.mid`} finally {`;
    w.line`$sha1.Dispose()`;
    w.close`}`;
    w.close`}`;
    w.line`$intermediates = @(`;
    for (const c of plan.intermediates) {
      w.line`    @{ Thumbprint = ${c.sha1.toUpperCase()}; Subject = ${c.subject}; Base64 = ${c.derBase64} }`;
    }
    w.line`)`;
    w.open`foreach ($item in $intermediates) {`;
    w.line`$actual = Get-Sha1Hex -Bytes ([System.Convert]::FromBase64String($item.Base64))`;
    w.open`if ($actual -ne $item.Thumbprint) {`;
    w.line`$script:Problems += (${m('ps.import.thumbprintMismatch')} -f $item.Subject, $item.Thumbprint, $actual)`;
    w.close`}`;
    w.close`}`;
  },
  fix({ w, m }) {
    w.line`Write-Step ${m('ps.import.heading')}`;
    w.open`foreach ($item in $intermediates) {`;
    w.line`$path = 'Cert:\\LocalMachine\\CA\\' + $item.Thumbprint`;
    w.open`if (Test-Path -LiteralPath $path) {`;
    w.line`Write-Host (${m('ps.import.alreadyPresent')} -f $item.Subject, $item.Thumbprint)`;
    w.line`continue`;
    w.close`}`;
    w.open`if (Confirm-Change -Target $path -Action ${m('ps.import.action')}) {`;
    w.line`$file = Join-Path $BackupPath ('intermediate-' + $item.Thumbprint + '.cer')`;
    w.line`[System.IO.File]::WriteAllBytes($file, [System.Convert]::FromBase64String($item.Base64))`;
    w.open`if (Get-Command -Name 'Import-Certificate' -ErrorAction SilentlyContinue) {`;
    w.line`Import-Certificate -FilePath $file -CertStoreLocation 'Cert:\\LocalMachine\\CA' | Out-Null`;
    w.mid`} else {`;
    w.line`& certutil.exe -addstore CA $file | Out-Null`;
    w.open`if ($LASTEXITCODE -ne 0) {`;
    w.line`throw (${m('ps.import.certutilFailed')} -f $item.Thumbprint, $LASTEXITCODE)`;
    w.close`}`;
    w.close`}`;
    w.open`if (-not (Test-Path -LiteralPath $path)) {`;
    w.line`throw (${m('ps.import.notInStore')} -f $item.Subject, $item.Thumbprint)`;
    w.close`}`;
    w.line`$script:Imported += $item.Thumbprint`;
    w.line`Write-Host (${m('ps.import.done')} -f $item.Subject, $item.Thumbprint)`;
    w.close`}`;
    w.close`}`;
  },
  rollback({ w, plan, m }) {
    w.line`Write-Step ${m('ps.rollback.importHeading', { script: plan.scriptName ?? 'fix.ps1' })}`;
    // Only thumbprints this pack could have imported AND that the fix recorded as imported are removed.
    w.line`$ours = ${plan.intermediates.map((c) => c.sha1.toUpperCase())}`;
    w.open`foreach ($thumbprint in $imported) {`;
    w.open`if ($ours -notcontains $thumbprint) {`;
    w.line`Write-Warning (${m('ps.rollback.notOurs')} -f $thumbprint)`;
    w.line`continue`;
    w.close`}`;
    w.line`$path = 'Cert:\\LocalMachine\\CA\\' + $thumbprint`;
    w.open`if (-not (Test-Path -LiteralPath $path)) {`;
    w.line`Write-Host (${m('ps.rollback.alreadyGone')} -f $thumbprint)`;
    w.line`continue`;
    w.close`}`;
    w.open`if (Confirm-Change -Target $path -Action ${m('ps.rollback.removeAction')}) {`;
    w.line`Remove-Item -LiteralPath $path`;
    w.line`Write-Host (${m('ps.rollback.removed')} -f $thumbprint)`;
    w.close`}`;
    w.close`}`;
  },
};
