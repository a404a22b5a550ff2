import type { ScriptBlock } from './types';

/**
 * KB 3212877: put each missing intermediate into LocalMachine\CA, where Schannel picks it up to send the
 * whole chain. The DER travels inside the script as Base64; the thumbprint computed from those bytes must
 * equal the one we computed, so a damaged or edited script imports nothing. A certificate already in the
 * store is skipped, which makes the script idempotent and keeps rollback from removing what was there before.
 */
export const importIntermediates: ScriptBlock = {
  id: 'importIntermediates',
  titleKey: 'guide.import.title',
  applies: (plan) => plan.intermediates.length > 0,
  fix({ w, plan, m }) {
    w.line`Write-Step ${m('ps.import.heading')}`;
    w.line`$intermediates = @(`;
    for (const c of plan.intermediates) {
      w.line`    @{ Thumbprint = ${c.sha1.toUpperCase()}; Subject = ${c.subject}; Base64 = ${c.derBase64} }`;
    }
    w.line`)`;
    w.open`foreach ($item in $intermediates) {`;
    w.line`$bytes = [System.Convert]::FromBase64String($item.Base64)`;
    // The unary comma passes the byte array as ONE argument instead of one argument per byte.
    w.line`$cert = New-Object -TypeName 'System.Security.Cryptography.X509Certificates.X509Certificate2' -ArgumentList (, [byte[]]$bytes)`;
    w.open`if ($cert.Thumbprint -ne $item.Thumbprint) {`;
    w.line`throw (${m('ps.import.thumbprintMismatch')} -f $item.Subject, $item.Thumbprint, $cert.Thumbprint)`;
    w.close`}`;
    w.open`if (Test-Path -LiteralPath ('Cert:\\LocalMachine\\CA\\' + $item.Thumbprint)) {`;
    w.line`Write-Host (${m('ps.import.alreadyPresent')} -f $item.Subject, $item.Thumbprint)`;
    w.line`continue`;
    w.close`}`;
    w.open`if (Confirm-Change -Target ('Cert:\\LocalMachine\\CA\\' + $item.Thumbprint) -Action ${m('ps.import.action')}) {`;
    // X509Store instead of Import-Certificate: no temporary file, and it works the same on 5.1 and 7.
    w.line`$store = New-Object -TypeName 'System.Security.Cryptography.X509Certificates.X509Store' -ArgumentList 'CA', 'LocalMachine'`;
    w.line`$store.Open('ReadWrite')`;
    w.open`try {`;
    w.line`$store.Add($cert)`;
    w.mid`} finally {`;
    w.line`$store.Close()`;
    w.close`}`;
    w.line`$script:Imported += $item.Thumbprint`;
    w.line`Write-Host (${m('ps.import.done')} -f $item.Subject, $item.Thumbprint)`;
    w.close`}`;
    w.close`}`;
  },
  rollback({ w, plan, m }) {
    w.line`Write-Step ${m('ps.rollback.importHeading')}`;
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
