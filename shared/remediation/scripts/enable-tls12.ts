import type { ScriptBlock } from './types';

const SCHANNEL = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\';
const NET_KEYS = [
  'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319',
  'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319',
  'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727',
  'HKLM:\\SOFTWARE\\WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727',
];

/**
 * domain.md C8 and §11.4: a sender limited to TLS 1.0/1.1 cannot present its certificate to Exchange
 * Online. Only in a pack whose evidence shows that (smtp.legacyTls: SocketError failures): TLS 1.2 is on by
 * default since Windows Server 2012, so the registry is rarely the cause of a missing STARTTLS. Sets the
 * Schannel TLS 1.2 Client values (Enabled=1, DisabledByDefault=0); on an Exchange server also the Server
 * values and .NET's SystemDefaultTlsVersions=1 and SchUseStrongCrypto=1 for .NET 4.x and 2.0/3.5, 64- and
 * 32-bit (Microsoft's Exchange Server TLS guidance: Exchange is a .NET application and follows those keys).
 * Backs up each value, or its absence, so rollback restores them exactly. Takes effect after a reboot.
 */
export const enableTls12: ScriptBlock = {
  id: 'enableTls12',
  titleKey: 'guide.tls12.title',
  recordsChange: true,
  changes: true,
  applies: () => true,
  check({ w }) {
    w.line`$tlsSettings = @(`;
    w.line`    @{ Key = ${SCHANNEL + 'Client'}; Name = 'Enabled'; Value = 1 },`;
    w.line`    @{ Key = ${SCHANNEL + 'Client'}; Name = 'DisabledByDefault'; Value = 0 }`;
    w.line`)`;
    w.open`if ($ExchangeServer) {`;
    w.line`$tlsSettings += @{ Key = ${SCHANNEL + 'Server'}; Name = 'Enabled'; Value = 1 }`;
    w.line`$tlsSettings += @{ Key = ${SCHANNEL + 'Server'}; Name = 'DisabledByDefault'; Value = 0 }`;
    w.open`foreach ($netKey in ${NET_KEYS}) {`;
    w.line`$tlsSettings += @{ Key = $netKey; Name = 'SystemDefaultTlsVersions'; Value = 1 }`;
    w.line`$tlsSettings += @{ Key = $netKey; Name = 'SchUseStrongCrypto'; Value = 1 }`;
    w.close`}`;
    w.close`}`;
  },
  backup({ w, m }) {
    w.line`Write-Host ${m('ps.backup.tls12')}`;
    w.line`$tlsBefore = @()`;
    w.open`foreach ($setting in $tlsSettings) {`;
    w.line`$keyExists = Test-Path -LiteralPath $setting.Key`;
    w.line`$value = $null`;
    w.open`if ($keyExists) {`;
    w.line`$value = (Get-ItemProperty -LiteralPath $setting.Key -Name $setting.Name -ErrorAction SilentlyContinue).($setting.Name)`;
    w.close`}`;
    w.line`$tlsBefore += [pscustomobject]@{ Key = $setting.Key; Name = $setting.Name; KeyExists = $keyExists; Value = $value }`;
    w.close`}`;
    w.line`$tlsBefore | Export-Clixml -LiteralPath (Join-Path $BackupPath 'tls12.xml') -WhatIf:$false`;
  },
  fix({ w, m }) {
    w.line`Write-Step ${m('ps.tls12.heading')}`;
    w.line`$tlsPending = @()`;
    w.open`foreach ($setting in $tlsSettings) {`;
    w.line`$saved = @($tlsBefore | Where-Object { $_.Key -eq $setting.Key -and $_.Name -eq $setting.Name })[0]`;
    w.open`if ($null -eq $saved.Value -or [int]$saved.Value -ne $setting.Value) {`;
    w.line`$tlsPending += $setting`;
    w.close`}`;
    w.close`}`;
    w.open`if ($tlsPending.Count -eq 0) {`;
    w.line`Write-Host ${m('ps.tls12.alreadySet')}`;
    w.mid`} elseif (Confirm-Change -Target (@($tlsPending | ForEach-Object { $_.Key + '\\' + $_.Name }) -join ', ') -Action ${m('ps.tls12.action')}) {`;
    w.open`foreach ($setting in $tlsPending) {`;
    // New-Item -Force on a registry key that exists empties it: create the key (and parents) only if missing.
    w.open`if (-not (Test-Path -LiteralPath $setting.Key)) {`;
    w.line`New-Item -Path $setting.Key -Force | Out-Null`;
    w.close`}`;
    w.line`New-ItemProperty -LiteralPath $setting.Key -Name $setting.Name -Value $setting.Value -PropertyType DWord -Force | Out-Null`;
    w.close`}`;
    w.line`$script:Changed += 'enableTls12'`;
    w.line`Write-Warning ${m('ps.tls12.reboot')}`;
    w.close`}`;
  },
  rollback({ w, m }) {
    w.line`Write-Step ${m('ps.rollback.tls12Heading')}`;
    w.line`$saved = Join-Path $BackupPath 'tls12.xml'`;
    w.open`if (Test-Path -LiteralPath $saved) {`;
    w.line`$before = @(Import-Clixml -LiteralPath $saved)`;
    w.open`if (Confirm-Change -Target (@($before | ForEach-Object { [string]$_.Key + '\\' + [string]$_.Name }) -join ', ') -Action ${m('ps.rollback.tls12Action')}) {`;
    w.open`foreach ($setting in $before) {`;
    w.line`$key = [string]$setting.Key`;
    w.open`if (-not (Test-Path -LiteralPath $key)) {`;
    w.line`continue`;
    w.close`}`;
    w.open`if (-not $setting.KeyExists) {`;
    // The key did not exist before the fix: the fix created it, so it goes as a whole.
    w.line`Remove-Item -LiteralPath $key -Recurse`;
    w.mid`} elseif ($null -eq $setting.Value) {`;
    w.line`Remove-ItemProperty -LiteralPath $key -Name ([string]$setting.Name) -ErrorAction SilentlyContinue`;
    w.mid`} else {`;
    w.line`New-ItemProperty -LiteralPath $key -Name ([string]$setting.Name) -Value ([int]$setting.Value) -PropertyType DWord -Force | Out-Null`;
    w.close`}`;
    w.close`}`;
    w.line`Write-Warning ${m('ps.tls12.reboot')}`;
    w.close`}`;
    w.close`}`;
  },
};
