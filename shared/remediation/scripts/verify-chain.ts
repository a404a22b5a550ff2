import type { ScriptBlock } from './types';

/**
 * The last step of every fix, read-only, so it runs in a dry run too (which makes the dry run a diagnosis of
 * its own). domain.md §11.4: `certutil -verify -urlfetch` and an X509Chain with online retrieval can complete
 * a chain by downloading the intermediate, so they can pass before the fix. This check proves instead that
 * each intermediate of the pack is in Cert:\LocalMachine\CA and builds the chain from the local stores only
 * (issuer by issuer through CA, Root and AuthRoot; the root must be in Root or AuthRoot, since 800B0109 on
 * the sender can also mean a missing root), then asks certutil -verify WITHOUT -urlfetch (cached and local
 * objects only) for Windows' own verdict, saved next to the backup. On Exchange every source server of the
 * Send connectors to Exchange Online is checked for the certificate too. It ends by saying how to confirm on
 * the next send: the send protocol log's 250 from Exchange Online and X-EOPTenantAttributedMessage.
 */
export const verifyChain: ScriptBlock = {
  id: 'verifyChain',
  titleKey: 'guide.section.verify',
  changes: false,
  applies: () => true,
  fix({ w, plan, m }) {
    w.line`Write-Step ${m('ps.verify.heading')}`;
    w.line`$verified = $true`;
    // A check that cannot run (a store or tool that answers unexpectedly) says so; it never undoes the fix.
    w.open`try {`;
    if (plan.intermediates.length) {
      w.line`$packIntermediates = @(`;
      // One hashtable a line: inside @( ) each line is an element, no commas needed.
      for (const c of plan.intermediates) w.line`    @{ Thumbprint = ${c.sha1.toUpperCase()}; Subject = ${c.subject} }`;
      w.line`)`;
      w.open`foreach ($item in $packIntermediates) {`;
      w.open`if (Test-Path -LiteralPath ('Cert:\\LocalMachine\\CA\\' + $item.Thumbprint)) {`;
      w.line`Write-Host (${m('ps.verify.inCaStore')} -f $item.Subject, $item.Thumbprint)`;
      w.mid`} else {`;
      w.line`Write-Warning (${m('ps.verify.notInCaStore')} -f $item.Subject, $item.Thumbprint)`;
      w.line`$verified = $false`;
      w.close`}`;
      w.close`}`;
    }
    if (!plan.leafThumbprint) {
      w.line`Write-Warning ${m('ps.verify.noLeaf')}`;
      w.line`$verified = $false`;
    } else {
      const thumbprint = plan.leafThumbprint;
      w.line`$leaf = Get-Item -LiteralPath ('Cert:\\LocalMachine\\My\\' + ${thumbprint}) -ErrorAction SilentlyContinue`;
      w.open`if (-not $leaf) {`;
      w.line`Write-Warning (${m('ps.verify.leafMissing')} -f ${thumbprint})`;
      w.line`$verified = $false`;
      w.mid`} else {`;
      w.line`Write-Host ('  My: ' + $leaf.Thumbprint + '  ' + $leaf.Subject)`;
      w.line`$current = $leaf`;
      w.open`for ($depth = 0; $depth -lt 10; $depth++) {`;
      w.open`if ($current.Subject -eq $current.Issuer) {`;
      w.open`if (-not ((Test-Path -LiteralPath ('Cert:\\LocalMachine\\Root\\' + $current.Thumbprint)) -or (Test-Path -LiteralPath ('Cert:\\LocalMachine\\AuthRoot\\' + $current.Thumbprint)))) {`;
      w.line`Write-Warning (${m('ps.verify.rootMissing')} -f $current.Subject)`;
      w.line`$verified = $false`;
      w.close`}`;
      w.line`break`;
      w.close`}`;
      w.line`$issuer = $null`;
      w.open`foreach ($storeName in @('CA', 'Root', 'AuthRoot')) {`;
      w.line`$issuer = @(Get-ChildItem -LiteralPath ('Cert:\\LocalMachine\\' + $storeName) | Where-Object { $_.Subject -eq $current.Issuer } | Sort-Object -Property NotAfter -Descending)[0]`;
      w.open`if ($issuer) {`;
      w.line`Write-Host ('  ' + $storeName + ': ' + $issuer.Thumbprint + '  ' + $issuer.Subject)`;
      w.line`break`;
      w.close`}`;
      w.close`}`;
      w.open`if (-not $issuer) {`;
      w.line`Write-Warning (${m('ps.verify.issuerMissing')} -f $current.Issuer)`;
      w.line`$verified = $false`;
      w.line`break`;
      w.close`}`;
      w.line`$current = $issuer`;
      w.close`}`;
      // certutil without -urlfetch uses only what the machine already has (local stores and cache).
      w.line`$leafFile = Join-Path $BackupPath 'leaf.cer'`;
      w.line`[System.IO.File]::WriteAllBytes($leafFile, $leaf.RawData)`;
      w.line`$verifyFile = Join-Path $BackupPath 'certutil-verify.txt'`;
      w.line`$certutilOutput = @(& certutil.exe -verify $leafFile 2>&1)`;
      w.line`$certutilExit = $LASTEXITCODE`;
      w.line`$certutilOutput | Out-File -LiteralPath $verifyFile -Encoding UTF8 -WhatIf:$false`;
      w.open`if ($certutilExit -ne 0) {`;
      w.line`Write-Warning (${m('ps.verify.certutilFailed')} -f ('0x{0:X8}' -f $certutilExit), $verifyFile)`;
      w.line`$verified = $false`;
      w.mid`} else {`;
      w.line`Write-Host (${m('ps.verify.certutil')} -f $verifyFile)`;
      w.close`}`;
      w.open`if ($IsExchange) {`;
      if (plan.sendConnector) {
        w.line`$eopConnectors = @(Get-SendConnector -Identity ${plan.sendConnector} -ErrorAction SilentlyContinue)`;
      } else {
        w.line`$eopConnectors = @(Get-SendConnector | Where-Object { @($_.SmartHosts | ForEach-Object { [string]$_ }) -match '\\.mail\\.protection\\.outlook\\.com\\.?$' })`;
      }
      w.open`foreach ($connector in $eopConnectors) {`;
      w.line`$sourceServers = @($connector.SourceTransportServers | ForEach-Object { [string]$_ })`;
      w.open`foreach ($server in $sourceServers) {`;
      w.line`$exCert = Get-ExchangeCertificate -Server $server -Thumbprint ${thumbprint} -ErrorAction SilentlyContinue`;
      w.open`if ($exCert -and $exCert.HasPrivateKey -and ([string]$exCert.Services -match 'SMTP')) {`;
      w.line`Write-Host (${m('ps.sendConnector.serverReady')} -f $server, ${thumbprint})`;
      w.mid`} else {`;
      w.line`Write-Warning (${m('ps.verify.serverNotReady')} -f $server, ${thumbprint}, [string]$connector.Name)`;
      w.line`$verified = $false`;
      w.close`}`;
      w.close`}`;
      w.open`if ($sourceServers.Count -gt 1) {`;
      w.line`Write-Host (${m('ps.verify.everyServer')} -f [string]$connector.Name, ($sourceServers -join ', '))`;
      w.close`}`;
      w.close`}`;
      w.close`}`;
      w.close`}`;
    }
    w.mid`} catch {`;
    w.line`Write-Warning (${m('ps.verify.failed')} -f $_.Exception.Message)`;
    w.line`$verified = $false`;
    w.close`}`;
    w.open`if ($verified) {`;
    w.line`Write-Host ${m('ps.verify.ok')} -ForegroundColor Green`;
    w.mid`} else {`;
    w.line`Write-Warning ${m('ps.verify.incomplete')}`;
    w.close`}`;
    w.line`Write-Host ${m('ps.verify.nextSend')}`;
  },
};
