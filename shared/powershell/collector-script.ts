import type { Locale } from '../i18n/locales';
import type { Result } from '../result';
import { psMessages } from './messages';
import { writeHeader } from './preamble';
import { ScriptWriter, type ScriptError } from './script-writer';

/** Transport events worth collecting (domain.md: 12014 certificate not found, 12016/12018 expired/expiring, 12023). */
const TRANSPORT_EVENT_IDS = [12014, 12016, 12018, 12023];
const CAPI2 = 'Microsoft-Windows-CAPI2/Operational';

/**
 * collect-evidence.ps1: gathers on the server what Relay Doctor reads, into one .zip. Only public parts of
 * certificates are exported (Export-Certificate -Type CERT / P7B: no private key can be in them), property
 * names containing "Password" are dropped from the SMTPSVC settings, and enabling the CAPI2 log (which
 * changes the machine) happens only after the admin agrees; its previous state is restored. Exchange Online
 * settings are added when the session is already connected to it (Connect-ExchangeOnline).
 */
export function generateCollectorScript(locale: Locale): Result<string, ScriptError> {
  const m = psMessages(locale);
  const w = new ScriptWriter();
  writeHeader(w, [m('ps.collect.synopsis'), m('ps.collect.usage')]);
  w.line`[CmdletBinding()]`;
  w.open`param(`;
  w.line`[string]$OutputPath = '',`;
  w.line`[int]$Days = 3,`;
  w.line`[switch]$SkipCapi2,`;
  w.line`[switch]$Yes,`;
  w.line`[int]$CaptureSeconds = 60`;
  w.close`)`;
  w.blank();
  w.line`$ErrorActionPreference = 'Continue'`;
  w.line`$stamp = Get-Date -Format 'yyyyMMdd-HHmmss'`;
  w.open`if (-not $OutputPath) {`;
  w.line`$OutputPath = Join-Path -Path ([Environment]::GetFolderPath('Desktop')) -ChildPath ('relay-doctor-evidence-' + $env:COMPUTERNAME + '-' + $stamp + '.zip')`;
  w.close`}`;
  w.line`$work = Join-Path -Path ([System.IO.Path]::GetTempPath()) -ChildPath ('relay-doctor-' + $stamp)`;
  w.open`foreach ($dir in @('certificates', 'events', 'logs', 'settings')) {`;
  w.line`New-Item -ItemType Directory -Path (Join-Path $work $dir) -Force | Out-Null`;
  w.close`}`;
  w.line`$since = (Get-Date).AddDays(-$Days)`;
  w.line`$IsExchange = [bool](Get-Command -Name 'Get-SendConnector' -ErrorAction SilentlyContinue)`;
  w.line`$sendLogging = @()`;
  w.line`$frontendProxy = $false`;
  // An Exchange server in a plain PowerShell window: its connectors cannot be read from here; say so.
  w.open`if (-not $IsExchange -and (Get-Service -Name 'MSExchangeTransport' -ErrorAction SilentlyContinue)) {`;
  w.line`Write-Warning ${m('ps.collect.needsExchangeShell')}`;
  w.close`}`;
  w.blank();

  w.line`Write-Host ${m('ps.collect.certificates')}`;
  w.open`foreach ($cert in Get-ChildItem -LiteralPath 'Cert:\\LocalMachine\\My') {`;
  w.line`$base = Join-Path (Join-Path $work 'certificates') $cert.Thumbprint`;
  // RawData is the DER of the certificate alone: there is no way for a private key to get into the file.
  w.line`[System.IO.File]::WriteAllBytes($base + '.cer', $cert.RawData)`;
  // The chain as this machine builds it; one certificate that cannot be built must not end the collection.
  w.open`try {`;
  w.line`$chain = New-Object -TypeName 'System.Security.Cryptography.X509Certificates.X509Chain'`;
  w.line`$chain.ChainPolicy.RevocationMode = [System.Security.Cryptography.X509Certificates.X509RevocationMode]::NoCheck`;
  // PowerShell 7 (.NET 5+) can forbid AIA downloads, so the chain is what the local stores hold.
  w.open`if ($chain.ChainPolicy.PSObject.Properties['DisableCertificateDownloads']) {`;
  w.line`$chain.ChainPolicy.DisableCertificateDownloads = $true`;
  w.close`}`;
  w.line`$null = $chain.Build($cert)`;
  w.line`$collection = New-Object -TypeName 'System.Security.Cryptography.X509Certificates.X509Certificate2Collection'`;
  w.open`foreach ($element in $chain.ChainElements) {`;
  w.line`$null = $collection.Add($element.Certificate)`;
  w.close`}`;
  w.line`[System.IO.File]::WriteAllBytes($base + '-chain.p7b', $collection.Export([System.Security.Cryptography.X509Certificates.X509ContentType]::Pkcs7))`;
  w.line`$chain.ChainStatus | Select-Object -Property ${['Status', 'StatusInformation']} | Format-List | Out-File -LiteralPath ($base + '-chain-status.txt') -Encoding UTF8`;
  w.mid`} catch {`;
  w.line`Write-Warning (${m('ps.collect.chainFailed')} -f $cert.Thumbprint, $_.Exception.Message)`;
  w.close`}`;
  w.close`}`;
  w.blank();

  w.line`Write-Host ${m('ps.collect.transportEvents')}`;
  const query = `*[System[(${TRANSPORT_EVENT_IDS.map((id) => `EventID=${id}`).join(' or ')})]]`;
  w.line`& wevtutil.exe epl Application (Join-Path (Join-Path $work 'events') 'transport.evtx') ${'/q:' + query} /ow:true`;
  w.blank();

  w.open`if (-not $SkipCapi2) {`;
  w.line`$capi2 = Get-WinEvent -ListLog ${CAPI2} -ErrorAction SilentlyContinue`;
  w.line`$wasEnabled = [bool]($capi2 -and $capi2.IsEnabled)`;
  w.open`if (-not $wasEnabled) {`;
  // The accepted first letters of "yes" come from the catalog (y; a for "ano" …); -match ignores case.
  w.line`$agree = $Yes -or ((Read-Host ${m('ps.collect.capi2Consent')}) -match ${`^[${m('ps.collect.yesLetters').replace(/[^\p{L}]/gu, '')}]`})`;
  w.open`if ($agree) {`;
  w.line`& wevtutil.exe sl ${CAPI2} /e:true`;
  w.open`if ($Yes) {`;
  w.line`Write-Host (${m('ps.collect.capi2Waiting')} -f $CaptureSeconds)`;
  w.line`Start-Sleep -Seconds $CaptureSeconds`;
  w.mid`} else {`;
  w.line`Read-Host ${m('ps.collect.capi2Reproduce')} | Out-Null`;
  w.close`}`;
  w.close`}`;
  w.mid`} else {`;
  w.line`$agree = $true`;
  w.close`}`;
  w.open`if ($agree) {`;
  w.line`& wevtutil.exe epl ${CAPI2} (Join-Path (Join-Path $work 'events') 'capi2.evtx') /ow:true`;
  w.open`if (-not $wasEnabled) {`;
  w.line`& wevtutil.exe sl ${CAPI2} /e:false`;
  w.line`Write-Host ${m('ps.collect.capi2Restored')}`;
  w.close`}`;
  w.close`}`;
  w.close`}`;
  w.blank();

  w.open`if ($IsExchange) {`;
  w.line`Write-Host ${m('ps.collect.exchange')}`;
  w.line`$settings = Join-Path $work 'settings'`;
  w.line`Get-SendConnector | Format-List * | Out-File -LiteralPath (Join-Path $settings 'Get-SendConnector.txt') -Encoding UTF8 -Width 4096`;
  w.line`Get-SendConnector | Select-Object -Property ${['Name', 'Enabled', 'SmartHosts', 'TlsCertificateName', 'RequireTLS', 'Fqdn', 'ProtocolLoggingLevel']} | ConvertTo-Json -Depth 4 | Out-File -LiteralPath (Join-Path $settings 'Get-SendConnector.json') -Encoding UTF8`;
  w.line`Get-ExchangeCertificate | Format-List -Property ${['FriendlyName', 'Subject', 'Issuer', 'Thumbprint', 'NotBefore', 'NotAfter', 'Services', 'CertificateDomains', 'HasPrivateKey', 'IsSelfSigned', 'RootCAType']} | Out-File -LiteralPath (Join-Path $settings 'Get-ExchangeCertificate.txt') -Encoding UTF8 -Width 4096`;
  w.line`$exProps = ${['FriendlyName', 'Subject', 'Issuer', 'Thumbprint', 'NotBefore', 'NotAfter', 'CertificateDomains', 'HasPrivateKey', 'IsSelfSigned']} + @(@{ Name = 'Services'; Expression = { [string]$_.Services } })`;
  w.line`Get-ExchangeCertificate | Select-Object -Property $exProps | ConvertTo-Json -Depth 4 | Out-File -LiteralPath (Join-Path $settings 'Get-ExchangeCertificate.json') -Encoding UTF8`;
  // Send protocol logging is off by default (ProtocolLoggingLevel None): without it there is no SmtpSend log.
  w.open`foreach ($connector in @(Get-SendConnector)) {`;
  w.line`$level = [string]$connector.ProtocolLoggingLevel`;
  w.line`$sendLogging += [pscustomobject]@{ connector = [string]$connector.Name; protocolLoggingLevel = $level; frontendProxyEnabled = [bool]$connector.FrontendProxyEnabled }`;
  w.open`if ($connector.FrontendProxyEnabled) {`;
  w.line`$frontendProxy = $true`;
  w.close`}`;
  w.open`if ($level -eq 'Verbose') {`;
  w.line`Write-Host (${m('ps.collect.loggingOn')} -f [string]$connector.Name)`;
  w.mid`} else {`;
  w.line`Write-Warning (${m('ps.collect.loggingOff')} -f [string]$connector.Name)`;
  w.close`}`;
  w.close`}`;
  w.line`$sendLogPath = (Get-TransportService -Identity $env:COMPUTERNAME -ErrorAction SilentlyContinue).SendProtocolLogPath`;
  w.open`if ($sendLogPath) {`;
  w.line`Get-ChildItem -LiteralPath ([string]$sendLogPath) -Filter '*.log' -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTime -ge $since } | Copy-Item -Destination (Join-Path $work 'logs')`;
  w.close`}`;
  // With FrontendProxyEnabled the session to Exchange Online leaves from the Front End Transport service,
  // which writes its own send protocol log (domain.md §11.4).
  w.open`if ($frontendProxy -and (Get-Command -Name 'Get-FrontendTransportService' -ErrorAction SilentlyContinue)) {`;
  w.line`Write-Host ${m('ps.collect.frontEnd')}`;
  w.line`$frontLogPath = (Get-FrontendTransportService -Identity $env:COMPUTERNAME -ErrorAction SilentlyContinue).SendProtocolLogPath`;
  w.open`if ($frontLogPath) {`;
  w.line`$frontDir = Join-Path (Join-Path $work 'logs') 'FrontEnd'`;
  w.line`New-Item -ItemType Directory -Path $frontDir -Force | Out-Null`;
  w.line`Get-ChildItem -LiteralPath ([string]$frontLogPath) -Filter '*.log' -ErrorAction SilentlyContinue | Where-Object { $_.LastWriteTime -ge $since } | Copy-Item -Destination $frontDir`;
  w.close`}`;
  w.close`}`;
  w.close`}`;
  w.blank();

  // The Exchange Online side only when this session is connected (Connect-ExchangeOnline): never prompts.
  w.line`$exoConnected = [bool](Get-Command -Name 'Get-ConnectionInformation' -ErrorAction SilentlyContinue) -and [bool](Get-Command -Name 'Get-InboundConnector' -ErrorAction SilentlyContinue)`;
  w.open`if ($exoConnected -and @(Get-ConnectionInformation | Where-Object { $_.State -eq 'Connected' }).Count -gt 0) {`;
  w.line`Write-Host ${m('ps.collect.exo')}`;
  w.line`$settings = Join-Path $work 'settings'`;
  w.line`Get-InboundConnector | Format-List * | Out-File -LiteralPath (Join-Path $settings 'Get-InboundConnector.txt') -Encoding UTF8 -Width 4096`;
  w.line`Get-InboundConnector | Select-Object -Property ${['Name', 'Enabled', 'ConnectorType', 'SenderIPAddresses', 'TlsSenderCertificateName', 'RequireTls', 'RestrictDomainsToCertificate', 'RestrictDomainsToIPAddresses', 'SenderDomains']} | ConvertTo-Json -Depth 4 | Out-File -LiteralPath (Join-Path $settings 'Get-InboundConnector.json') -Encoding UTF8`;
  w.line`Get-AcceptedDomain | Select-Object -Property ${['DomainName', 'DomainType', 'Default']} | ConvertTo-Json -Depth 3 | Out-File -LiteralPath (Join-Path $settings 'Get-AcceptedDomain.json') -Encoding UTF8`;
  w.mid`} else {`;
  w.line`Write-Host ${m('ps.collect.exoHint')}`;
  w.close`}`;
  w.blank();

  w.open`if (Get-Service -Name 'SMTPSVC' -ErrorAction SilentlyContinue) {`;
  w.line`Write-Host ${m('ps.collect.iis')}`;
  w.line`$smtp = Get-CimInstance -Namespace 'root/MicrosoftIISv2' -ClassName 'IIsSmtpServerSetting' -ErrorAction SilentlyContinue`;
  w.open`if ($smtp) {`;
  // The IIS 6 metabase can hold a smart-host password (RoutePassword): drop every *Password* property.
  w.line`$safe = $smtp | Select-Object -Property * -ExcludeProperty ${['*Password*', 'Cim*']}`;
  w.line`$safe | Format-List * | Out-File -LiteralPath (Join-Path (Join-Path $work 'settings') 'SMTPSVC.txt') -Encoding UTF8 -Width 4096`;
  w.line`$safe | ConvertTo-Json -Depth 3 | Out-File -LiteralPath (Join-Path (Join-Path $work 'settings') 'SMTPSVC.json') -Encoding UTF8`;
  w.close`}`;
  w.line`Get-ChildItem -LiteralPath (Join-Path (Join-Path $env:SystemRoot 'System32') 'LogFiles') -Directory -Filter 'SMTPSVC*' -ErrorAction SilentlyContinue | Get-ChildItem -Filter '*.log' | Where-Object { $_.LastWriteTime -ge $since } | Copy-Item -Destination (Join-Path $work 'logs')`;
  w.close`}`;
  w.blank();

  w.line`[pscustomobject]@{ tool = 'relay-doctor collect-evidence'; computer = $env:COMPUTERNAME; collectedAt = (Get-Date).ToUniversalTime().ToString('o'); days = $Days; exchange = $IsExchange; frontendProxyEnabled = $frontendProxy; sendProtocolLogging = @($sendLogging) } | ConvertTo-Json -Depth 4 | Out-File -LiteralPath (Join-Path $work 'manifest.json') -Encoding UTF8`;
  // Compress-Archive arrived with PowerShell 5.0; older hosts use .NET's ZipFile (both are read back by
  // shared/zip, which accepts the backslash names either may write).
  w.open`if (Get-Command -Name 'Compress-Archive' -ErrorAction SilentlyContinue) {`;
  w.line`Compress-Archive -Path (Join-Path $work '*') -DestinationPath $OutputPath -Force`;
  w.mid`} else {`;
  w.line`Add-Type -AssemblyName 'System.IO.Compression.FileSystem'`;
  w.line`Remove-Item -LiteralPath $OutputPath -ErrorAction SilentlyContinue`;
  w.line`[System.IO.Compression.ZipFile]::CreateFromDirectory($work, $OutputPath)`;
  w.close`}`;
  w.line`Remove-Item -LiteralPath $work -Recurse -Force`;
  w.line`Write-Host (${m('ps.collect.done')} -f $OutputPath) -ForegroundColor Green`;
  return w.finish();
}
