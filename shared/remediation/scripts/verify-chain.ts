import type { ScriptBlock } from './types';

/**
 * The last step of every fix: build the chain of the server's certificate the way this machine builds it
 * (X509Chain uses the same CryptoAPI engine as Schannel) and print each element, then run
 * `certutil -verify` for Windows' own verdict, saved next to the backup. Read-only, so it runs in a dry run
 * too — which makes the dry run a diagnosis of its own.
 */
export const verifyChain: ScriptBlock = {
  id: 'verifyChain',
  titleKey: 'guide.section.verify',
  applies: () => true,
  fix({ w, plan, m }) {
    w.line`Write-Step ${m('ps.verify.heading')}`;
    if (!plan.leafThumbprint) {
      w.line`Write-Host ${m('ps.verify.noLeaf')}`;
      return;
    }
    const thumbprint = plan.leafThumbprint;
    w.line`$leaf = Get-Item -LiteralPath ('Cert:\\LocalMachine\\My\\' + ${thumbprint}) -ErrorAction SilentlyContinue`;
    w.open`if (-not $leaf) {`;
    w.line`Write-Warning (${m('ps.verify.leafMissing')} -f ${thumbprint})`;
    w.mid`} else {`;
    w.line`$chain = New-Object -TypeName 'System.Security.Cryptography.X509Certificates.X509Chain'`;
    // Revocation is left to certutil below; an offline server would otherwise fail here for the wrong reason.
    w.line`$chain.ChainPolicy.RevocationMode = [System.Security.Cryptography.X509Certificates.X509RevocationMode]::NoCheck`;
    w.line`$built = $chain.Build($leaf)`;
    w.open`foreach ($element in $chain.ChainElements) {`;
    w.line`Write-Host ('  ' + $element.Certificate.Thumbprint + '  ' + $element.Certificate.Subject)`;
    w.close`}`;
    w.open`foreach ($status in $chain.ChainStatus) {`;
    w.line`Write-Host ('  ' + $status.Status + ': ' + $status.StatusInformation.Trim())`;
    w.close`}`;
    w.open`if ($built -and $chain.ChainElements.Count -ge 2) {`;
    w.line`Write-Host ${m('ps.verify.ok')} -ForegroundColor Green`;
    w.mid`} else {`;
    w.line`Write-Warning ${m('ps.verify.incomplete')}`;
    w.close`}`;
    w.line`$leafFile = Join-Path $BackupPath 'leaf.cer'`;
    w.line`[System.IO.File]::WriteAllBytes($leafFile, $leaf.RawData)`;
    w.line`$verifyFile = Join-Path $BackupPath 'certutil-verify.txt'`;
    w.line`& certutil.exe -verify -urlfetch $leafFile | Out-File -LiteralPath $verifyFile -Encoding UTF8 -WhatIf:$false`;
    w.line`Write-Host (${m('ps.verify.certutil')} -f $verifyFile)`;
    w.close`}`;
  },
};
