# A simulated Windows server for the Pester suite: the Windows, Exchange and Exchange Online commands the
# generated scripts call, as global functions over an in-memory (and on-disk, for the stores) state.
#
# - Cert:\ is a FileSystem drive whose files are DER certificates named by thumbprint; System.IO.FileInfo gets
#   the X509Certificate2 properties the scripts read (Thumbprint, Subject, Issuer, NotAfter, RawData …), so
#   Test-Path, Get-Item, Get-ChildItem and Remove-Item are PowerShell's own.
# - HKLM:\ is a FileSystem drive whose files are registry keys holding their values as JSON; Get-, New- and
#   Remove-ItemProperty read and write them.
# - Exchange (Get/Set-SendConnector, Get/Enable-ExchangeCertificate, Get-TransportService …) and Exchange
#   Online (Get-ConnectionInformation, Get/Set-InboundConnector, Get-AcceptedDomain) exist only while the
#   simulation says that shell is open, as in a real session.
# - whoami.exe (elevation), certutil.exe, wevtutil.exe, services, IIS 6 WMI (Get/Set-CimInstance),
#   Get-WinEvent -ListLog, Import-Certificate.
# Every change is recorded in $global:Sim.Log; Start-Process is a canary that records and runs nothing.
Set-StrictMode -Off

$script:CertProperties = @('Thumbprint', 'Subject', 'Issuer', 'NotBefore', 'NotAfter', 'RawData', 'SerialNumber')
foreach ($property in $script:CertProperties) {
    $getter = [scriptblock]::Create(@"
if (-not `$global:Sim -or -not `$this.FullName.StartsWith(`$global:Sim.CertRoot)) { return `$null }
try { return (New-Object -TypeName 'System.Security.Cryptography.X509Certificates.X509Certificate2' -ArgumentList (,[System.IO.File]::ReadAllBytes(`$this.FullName))).$property } catch { return `$null }
"@)
    Update-TypeData -TypeName 'System.IO.FileInfo' -MemberType ScriptProperty -MemberName $property -Value $getter -Force
}
Update-TypeData -TypeName 'System.IO.FileInfo' -MemberType ScriptProperty -MemberName 'HasPrivateKey' -Value { $false } -Force

function global:New-SimCertificate([string]$Path) {
    return New-Object -TypeName 'System.Security.Cryptography.X509Certificates.X509Certificate2' -ArgumentList (, [System.IO.File]::ReadAllBytes($Path))
}

function global:Write-SimLog([string]$Entry) {
    $global:Sim.Log.Add($Entry) | Out-Null
}

function global:Reset-SimWindows {
    param(
        [Parameter(Mandatory = $true)][string]$Root,
        [switch]$Elevated,
        [switch]$Exchange,
        [switch]$ExchangeOnline,
        [switch]$Iis,
        [switch]$NoIisWmi,
        [string]$Computer = 'EX01',
        [string[]]$SourceServers = @('EX01'),
        [switch]$FrontendProxy
    )
    if (Test-Path -LiteralPath $Root) { Remove-Item -LiteralPath $Root -Recurse -Force }
    $certRoot = Join-Path $Root 'cert'
    $regRoot = Join-Path $Root 'hklm'
    foreach ($store in @('My', 'CA', 'Root', 'AuthRoot', 'Disallowed')) {
        New-Item -ItemType Directory -Path (Join-Path (Join-Path $certRoot 'LocalMachine') $store) -Force | Out-Null
    }
    New-Item -ItemType Directory -Path $regRoot -Force | Out-Null
    foreach ($dir in @('logs/hub', 'logs/frontend', 'logs/iis/SMTPSVC1', 'System32/LogFiles/SMTPSVC1', 'temp', 'desktop')) {
        New-Item -ItemType Directory -Path (Join-Path $Root $dir) -Force | Out-Null
    }
    foreach ($drive in @('Cert', 'HKLM')) {
        if (Get-PSDrive -Name $drive -ErrorAction SilentlyContinue) { Remove-PSDrive -Name $drive -Force }
    }
    New-PSDrive -Name 'Cert' -PSProvider FileSystem -Root $certRoot -Scope Global | Out-Null
    New-PSDrive -Name 'HKLM' -PSProvider FileSystem -Root $regRoot -Scope Global | Out-Null
    $env:COMPUTERNAME = $Computer
    $env:SystemRoot = $Root
    $global:Sim = @{
        Root           = $Root
        CertRoot       = (Resolve-Path -LiteralPath $certRoot).ProviderPath
        RegRoot        = (Resolve-Path -LiteralPath $regRoot).ProviderPath
        Elevated       = [bool]$Elevated
        Log            = New-Object -TypeName 'System.Collections.ArrayList'
        Services       = @()
        SendConnectors = New-Object -TypeName 'System.Collections.ArrayList'
        ExCerts        = @{}
        Inbound        = New-Object -TypeName 'System.Collections.ArrayList'
        Iis            = New-Object -TypeName 'System.Collections.ArrayList'
        IisWmi         = -not $NoIisWmi
        Capi2Enabled   = $false
        EvtxFixture    = $null
        Computer       = $Computer
        # Each server's default SMTP certificate (Get-TransportService InternalTransportCertificateThumbprint),
        # and the answer the admin gives when Enable-ExchangeCertificate asks to overwrite it.
        DefaultSmtp    = @{}
        OverwriteAnswer = 'N'
    }
    if ($Exchange) {
        $global:Sim.Services += @('MSExchangeTransport', 'MSExchangeFrontEndTransport')
        $global:Sim.SendConnectors.Add([pscustomobject]@{
                Identity               = 'Outbound to Office 365'
                Name                   = 'Outbound to Office 365'
                SmartHosts             = @('contoso-com.mail.protection.outlook.com')
                TlsCertificateName     = '<I>CN=Old Issuing CA, O=Old<S>CN=relay.contoso.com'
                RequireTLS             = $false
                IgnoreSTARTTLS         = $false
                TlsAuthLevel           = $null
                Fqdn                   = 'relay.contoso.com'
                FrontendProxyEnabled   = [bool]$FrontendProxy
                ProtocolLoggingLevel   = 'None'
                SourceTransportServers = @($SourceServers)
            }) | Out-Null
        $global:Sim.SendConnectors.Add([pscustomobject]@{
                Identity = 'Internet'; Name = 'Internet'; SmartHosts = @(); TlsCertificateName = $null; RequireTLS = $false; IgnoreSTARTTLS = $false
                TlsAuthLevel = $null; Fqdn = $null; FrontendProxyEnabled = $false; ProtocolLoggingLevel = 'Verbose'; SourceTransportServers = @($SourceServers)
            }) | Out-Null
        foreach ($server in $SourceServers) {
            $global:Sim.ExCerts[$server] = New-Object -TypeName 'System.Collections.ArrayList'
            $global:Sim.DefaultSmtp[$server] = 'D0D0D0D0D0D0D0D0D0D0D0D0D0D0D0D0D0D0D0D0'
        }
        Enable-SimExchange
    } else {
        Disable-SimExchange
    }
    if ($ExchangeOnline) {
        Enable-SimExchangeOnline
    } else {
        Disable-SimExchangeOnline
    }
    if ($Iis) {
        $global:Sim.Services += 'SMTPSVC'
        $global:Sim.Iis.Add([pscustomobject]@{ Name = 'SmtpSvc/1'; ServerComment = 'Default SMTP Virtual Server'; SmartHost = 'contoso-com.mail.protection.outlook.com'; AlwaysUseSsl = $false; RoutePassword = 'Secret-Route-Password'; FullyQualifiedDomainName = 'relay.contoso.com' }) | Out-Null
    }
}

# ---- certificates --------------------------------------------------------------------------------------

function global:Add-SimCertificate([string]$Store, [string]$Path) {
    $cert = New-SimCertificate -Path $Path
    Copy-Item -LiteralPath $Path -Destination (Join-Path (Join-Path (Join-Path $global:Sim.CertRoot 'LocalMachine') $Store) $cert.Thumbprint)
    return $cert.Thumbprint
}

function global:Add-SimExchangeCertificate([string]$Server, [string]$Path, [bool]$HasPrivateKey = $true, [string]$Services = 'IMAP, POP, IIS, SMTP') {
    $cert = New-SimCertificate -Path $Path
    $global:Sim.ExCerts[$Server].Add([pscustomobject]@{ Thumbprint = $cert.Thumbprint; Subject = $cert.Subject; Issuer = $cert.Issuer; HasPrivateKey = $HasPrivateKey; Services = $Services; NotAfter = $cert.NotAfter; Identity = $Server + '\' + $cert.Thumbprint }) | Out-Null
}

function global:Import-Certificate {
    [CmdletBinding()]
    param([string]$FilePath, [string]$CertStoreLocation)
    if (-not $global:Sim.Elevated) { throw 'Access is denied. (simulated: not elevated)' }
    $store = Split-Path -Leaf ($CertStoreLocation -replace '\\', '/')
    $thumb = Add-SimCertificate -Store $store -Path $FilePath
    Write-SimLog ('Import-Certificate|' + $store + '|' + $thumb)
    return (New-SimCertificate -Path $FilePath)
}

function global:Read-SimPfx([byte[]]$Bytes, [System.Security.SecureString]$Password) {
    <# The key-holding certificate of a PFX, opened with its password as Windows would; throws on a wrong one. #>
    $collection = New-Object -TypeName 'System.Security.Cryptography.X509Certificates.X509Certificate2Collection'
    $plain = (New-Object -TypeName 'System.Net.NetworkCredential' -ArgumentList '', $Password).Password
    $collection.Import($Bytes, $plain, [System.Security.Cryptography.X509Certificates.X509KeyStorageFlags]::DefaultKeySet)
    $leaf = @($collection | Where-Object { $_.HasPrivateKey })[0]
    $file = Join-Path (Join-Path $global:Sim.Root 'temp') ($leaf.Thumbprint + '.cer')
    [System.IO.File]::WriteAllBytes($file, $leaf.RawData)
    return @{ Thumbprint = $leaf.Thumbprint; Path = $file }
}

function global:Import-PfxCertificate {
    [CmdletBinding()]
    param([string]$FilePath, [string]$CertStoreLocation, [System.Security.SecureString]$Password)
    if (-not $global:Sim.Elevated) { throw 'Access is denied. (simulated: not elevated)' }
    $pfx = Read-SimPfx -Bytes ([System.IO.File]::ReadAllBytes($FilePath)) -Password $Password
    $store = Split-Path -Leaf ($CertStoreLocation -replace '\\', '/')
    Add-SimCertificate -Store $store -Path $pfx.Path | Out-Null
    Write-SimLog ('Import-PfxCertificate|' + $store + '|' + $pfx.Thumbprint)
    return (New-SimCertificate -Path $pfx.Path)
}

function global:whoami.exe {
    if ($global:Sim.Elevated) {
        '"Mandatory Label\High Mandatory Level","Label","S-1-16-12288",""'
    } else {
        '"Mandatory Label\Medium Mandatory Level","Label","S-1-16-8192",""'
    }
}

function global:Find-SimIssuer($Cert) {
    foreach ($store in @('CA', 'Root', 'AuthRoot')) {
        foreach ($file in @(Get-ChildItem -LiteralPath ('Cert:\LocalMachine\' + $store))) {
            if ($file.Subject -eq $Cert.Issuer) { return @{ Store = $store; Cert = (New-SimCertificate -Path $file.FullName) } }
        }
    }
    return $null
}

function global:certutil.exe {
    $a = @($args)
    Write-SimLog ('certutil|' + ($a -join ' '))
    if ($a[0] -eq '-addstore') {
        if (-not $global:Sim.Elevated) { $global:LASTEXITCODE = 5; return 'CertUtil: -addstore command FAILED: 0x80070005 (WIN32: 5 ERROR_ACCESS_DENIED)' }
        Add-SimCertificate -Store $a[1] -Path $a[2] | Out-Null
        $global:LASTEXITCODE = 0
        return 'CertUtil: -addstore command completed successfully.'
    }
    if ($a -contains '-urlfetch') { throw 'simulated certutil: -urlfetch would use the network' }
    if ($a[0] -eq '-verify') {
        $cert = New-SimCertificate -Path $a[-1]
        for ($i = 0; $i -lt 10; $i++) {
            if ($cert.Subject -eq $cert.Issuer) {
                if ((Test-Path -LiteralPath ('Cert:\LocalMachine\Root\' + $cert.Thumbprint)) -or (Test-Path -LiteralPath ('Cert:\LocalMachine\AuthRoot\' + $cert.Thumbprint))) {
                    $global:LASTEXITCODE = 0
                    return 'CertUtil: -verify command completed successfully.'
                }
                $global:LASTEXITCODE = -2146762487
                return 'CertUtil: -verify command FAILED: 0x800b0109 (-2146762487 CERT_E_UNTRUSTEDROOT)'
            }
            $next = Find-SimIssuer $cert
            if (-not $next) { break }
            $cert = $next.Cert
        }
        $global:LASTEXITCODE = -2146762486
        return 'CertUtil: -verify command FAILED: 0x800b010a (-2146762486 CERT_E_CHAINING)'
    }
    $global:LASTEXITCODE = 1
}

# ---- registry (HKLM:\ keys are files holding their values as JSON) -------------------------------------

function global:Read-SimKey([string]$Path) {
    $file = (Resolve-Path -LiteralPath $Path -ErrorAction Stop).ProviderPath
    $text = [System.IO.File]::ReadAllText($file)
    $values = @{}
    if ($text.Trim()) { (ConvertFrom-Json -InputObject $text).PSObject.Properties | ForEach-Object { $values[$_.Name] = $_.Value } }
    return @{ File = $file; Values = $values }
}

function global:Get-ItemProperty {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string[]]$Path, [string[]]$LiteralPath, [Parameter(Position = 1)][string[]]$Name)
    $target = @($LiteralPath + $Path | Where-Object { $_ })[0]
    if ($target -notmatch '^HKLM:') { return Microsoft.PowerShell.Management\Get-ItemProperty @PSBoundParameters }
    if (-not (Test-Path -LiteralPath $target)) { Write-Error ('Cannot find path ''{0}'' because it does not exist.' -f $target); return }
    $key = Read-SimKey $target
    $out = [ordered]@{}
    foreach ($k in $key.Values.Keys) { if (-not $Name -or $Name -contains $k) { $out[$k] = $key.Values[$k] } }
    if ($Name -and $out.Count -eq 0) { Write-Error ('Property {0} does not exist at path {1}.' -f ($Name -join ','), $target); return }
    return [pscustomobject]$out
}

function global:New-ItemProperty {
    [CmdletBinding()]
    param([string]$LiteralPath, [string]$Path, [string]$Name, $Value, [string]$PropertyType, [switch]$Force)
    $target = @($LiteralPath, $Path | Where-Object { $_ })[0]
    if (-not $global:Sim.Elevated) { throw 'Requested registry access is not allowed. (simulated: not elevated)' }
    $key = Read-SimKey $target
    $key.Values[$Name] = [int]$Value
    [System.IO.File]::WriteAllText($key.File, (ConvertTo-Json -InputObject $key.Values -Compress))
    Write-SimLog ('New-ItemProperty|' + $target + '|' + $Name + '=' + $Value)
    return [pscustomobject]@{ $Name = $Value }
}

function global:Remove-ItemProperty {
    [CmdletBinding()]
    param([string]$LiteralPath, [string]$Path, [string]$Name)
    $target = @($LiteralPath, $Path | Where-Object { $_ })[0]
    $key = Read-SimKey $target
    if (-not $key.Values.ContainsKey($Name)) { Write-Error ('Property {0} does not exist.' -f $Name); return }
    $key.Values.Remove($Name)
    [System.IO.File]::WriteAllText($key.File, (ConvertTo-Json -InputObject $key.Values -Compress))
    Write-SimLog ('Remove-ItemProperty|' + $target + '|' + $Name)
}

# ---- services, events, IIS -----------------------------------------------------------------------------

function global:Get-Service {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string[]]$Name)
    foreach ($n in $Name) {
        if ($global:Sim.Services -contains $n) { [pscustomobject]@{ Name = $n; Status = 'Running'; DisplayName = $n } }
        else { Write-Error ('Cannot find any service with service name ''{0}''.' -f $n) }
    }
}

function global:Restart-Service {
    [CmdletBinding()]
    param([Parameter(Position = 0)][string]$Name)
    if (-not $global:Sim.Elevated) { throw 'Service cannot be restarted: access denied (simulated)' }
    Write-SimLog ('Restart-Service|' + $Name)
}

function global:Start-Process {
    # A canary: a hostile name that became code would end up here. Nothing is started.
    Write-SimLog ('Start-Process|' + ($args -join ' '))
}

function global:wevtutil.exe {
    $a = @($args)
    Write-SimLog ('wevtutil|' + ($a -join ' '))
    if ($a[0] -eq 'sl') {
        $global:Sim.Capi2Enabled = ($a -contains '/e:true')
    } elseif ($a[0] -eq 'epl' -and $global:Sim.EvtxFixture) {
        Copy-Item -LiteralPath $global:Sim.EvtxFixture -Destination $a[2] -Force
    }
    $global:LASTEXITCODE = 0
}

function global:Get-WinEvent {
    [CmdletBinding()]
    param([string[]]$ListLog)
    [pscustomobject]@{ LogName = $ListLog[0]; IsEnabled = $global:Sim.Capi2Enabled }
}

function global:Get-CimInstance {
    [CmdletBinding()]
    param([string]$Namespace, [string]$ClassName)
    if ($Namespace -ne 'root/MicrosoftIISv2' -or $ClassName -ne 'IIsSmtpServerSetting' -or -not $global:Sim.IisWmi -or $global:Sim.Services -notcontains 'SMTPSVC') {
        Write-Error ('Invalid namespace "{0}"' -f $Namespace)
        return
    }
    foreach ($vs in $global:Sim.Iis) { $vs | Select-Object -Property * }
}

function global:Set-CimInstance {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)]$InputObject, [hashtable]$Property)
    if (-not $global:Sim.Elevated) { throw 'Access denied (simulated)' }
    $vs = @($global:Sim.Iis | Where-Object { $_.Name -eq $InputObject.Name })[0]
    foreach ($k in $Property.Keys) { $vs.$k = $Property[$k] }
    Write-SimLog ('Set-CimInstance|' + $vs.Name + '|' + (($Property.Keys | ForEach-Object { $_ + '=' + $Property[$_] }) -join ','))
    return $vs
}

# ---- Exchange (only while the Exchange Management Shell is "open") --------------------------------------

$script:ExchangeFunctions = @{
    'Get-SendConnector'            = {
        [CmdletBinding()]
        param([Parameter(Position = 0)][string]$Identity)
        $found = @($global:Sim.SendConnectors | Where-Object { -not $Identity -or $_.Name -eq $Identity -or $_.Identity -eq $Identity })
        if ($Identity -and $found.Count -eq 0) { Write-Error ('The operation couldn''t be performed because object ''{0}'' couldn''t be found.' -f $Identity); return }
        foreach ($c in $found) { $c | Select-Object -Property * }
    }
    'Set-SendConnector'            = {
        [CmdletBinding()]
        param([Parameter(Position = 0, Mandatory = $true)][string]$Identity, [object]$TlsCertificateName, $RequireTLS, $IgnoreSTARTTLS, $ProtocolLoggingLevel, $SmartHosts)
        $c = @($global:Sim.SendConnectors | Where-Object { $_.Name -eq $Identity })[0]
        if (-not $c) { throw ('Send connector ''{0}'' couldn''t be found.' -f $Identity) }
        if ($PSBoundParameters.ContainsKey('TlsCertificateName')) {
            # Windows PowerShell 5.1 cannot bind a deserialised value here: a [string] (or $null) it must be.
            if ($null -ne $TlsCertificateName -and $TlsCertificateName -isnot [string]) { throw ('Cannot process argument transformation on parameter ''TlsCertificateName'': {0} is not a string' -f $TlsCertificateName.GetType().FullName) }
            $c.TlsCertificateName = $TlsCertificateName
        }
        foreach ($p in @('RequireTLS', 'IgnoreSTARTTLS')) {
            if ($PSBoundParameters.ContainsKey($p)) {
                if ($PSBoundParameters[$p] -isnot [bool]) { throw ('{0} must be a bool' -f $p) }
                $c.$p = $PSBoundParameters[$p]
            }
        }
        if ($PSBoundParameters.ContainsKey('ProtocolLoggingLevel')) { $c.ProtocolLoggingLevel = [string]$ProtocolLoggingLevel }
        Write-SimLog ('Set-SendConnector|' + $Identity + '|' + (($PSBoundParameters.Keys | Where-Object { $_ -ne 'Identity' } | Sort-Object | ForEach-Object { $_ + '=' + $PSBoundParameters[$_] }) -join ','))
    }
    'Get-ExchangeCertificate'      = {
        [CmdletBinding()]
        param([string]$Server, [Parameter(Position = 0)][string]$Thumbprint)
        if (-not $Server) { $Server = $global:Sim.Computer }
        $list = $global:Sim.ExCerts[$Server]
        if ($null -eq $list) { Write-Error ('Server {0} was not found.' -f $Server); return }
        $found = @($list | Where-Object { -not $Thumbprint -or $_.Thumbprint -eq $Thumbprint })
        if ($Thumbprint -and $found.Count -eq 0) { Write-Error ('The certificate with thumbprint {0} was not found on server {1}.' -f $Thumbprint, $Server); return }
        foreach ($c in $found) { $c | Select-Object -Property * }
    }
    'Enable-ExchangeCertificate'   = {
        # Services are added to those the certificate has. Enabling SMTP asks whether to overwrite the default
        # SMTP certificate (the admin's answer: $global:Sim.OverwriteAnswer); -Force would replace it unasked.
        [CmdletBinding()]
        param([string]$Server, [string]$Thumbprint, [string]$Services, [switch]$Force)
        if (-not $Server) { $Server = $global:Sim.Computer }
        $c = @($global:Sim.ExCerts[$Server] | Where-Object { $_.Thumbprint -eq $Thumbprint })[0]
        if (-not $c) { throw ('The certificate with thumbprint {0} was not found on server {1}.' -f $Thumbprint, $Server) }
        if ([string]$Services -match 'SMTP') {
            $default = $global:Sim.DefaultSmtp[$Server]
            if ($default -and $default -ne $Thumbprint) {
                $answer = if ($Force) { 'Y' } else { $global:Sim.OverwriteAnswer }
                Write-SimLog ('Prompt|overwrite default SMTP certificate ' + $default + '|' + $answer)
                if ($answer -eq 'Y') { $global:Sim.DefaultSmtp[$Server] = $Thumbprint }
            } elseif (-not $default) {
                $global:Sim.DefaultSmtp[$Server] = $Thumbprint
            }
        }
        $have = @(([string]$c.Services -split ',\s*') | Where-Object { $_ -and $_ -ne 'None' })
        $c.Services = (@($have + @(([string]$Services -split ',\s*'))) | Select-Object -Unique) -join ', '
        Write-SimLog ('Enable-ExchangeCertificate|' + $Server + '|' + $Thumbprint + '|' + $Services)
    }
    'Import-ExchangeCertificate'   = {
        # Into the server's Personal store; Get-ExchangeCertificate lists it with no services yet.
        [CmdletBinding()]
        param([string]$Server, [byte[]]$FileData, [System.Security.SecureString]$Password)
        if (-not $global:Sim.Elevated) { throw 'Access is denied. (simulated: not elevated)' }
        if (-not $Server) { $Server = $global:Sim.Computer }
        $pfx = Read-SimPfx -Bytes $FileData -Password $Password
        Add-SimExchangeCertificate -Server $Server -Path $pfx.Path -Services 'None'
        if ($Server -eq $global:Sim.Computer) { Add-SimCertificate -Store 'My' -Path $pfx.Path | Out-Null }
        Write-SimLog ('Import-ExchangeCertificate|' + $Server + '|' + $pfx.Thumbprint)
        return (@($global:Sim.ExCerts[$Server] | Where-Object { $_.Thumbprint -eq $pfx.Thumbprint })[0])
    }
    'Remove-ExchangeCertificate'   = {
        [CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
        param([string]$Server, [string]$Thumbprint)
        if (-not $Server) { $Server = $global:Sim.Computer }
        $c = @($global:Sim.ExCerts[$Server] | Where-Object { $_.Thumbprint -eq $Thumbprint })[0]
        if (-not $c) { throw ('The certificate with thumbprint {0} was not found on server {1}.' -f $Thumbprint, $Server) }
        if ($PSCmdlet.ShouldProcess($Thumbprint, 'Remove-ExchangeCertificate')) {
            $global:Sim.ExCerts[$Server].Remove($c)
            $local = 'Cert:\LocalMachine\My\' + $Thumbprint
            if ($Server -eq $global:Sim.Computer -and (Test-Path -LiteralPath $local)) { Remove-Item -LiteralPath $local }
            Write-SimLog ('Remove-ExchangeCertificate|' + $Server + '|' + $Thumbprint)
        }
    }
    'Get-TransportService'         = {
        [CmdletBinding()]
        param([Parameter(Position = 0)][string]$Identity)
        [pscustomobject]@{ Identity = $Identity; SendProtocolLogPath = (Join-Path $global:Sim.Root 'logs/hub'); InternalTransportCertificateThumbprint = $global:Sim.DefaultSmtp[$Identity] }
    }
    'Get-FrontendTransportService' = {
        [CmdletBinding()]
        param([Parameter(Position = 0)][string]$Identity)
        [pscustomobject]@{ Identity = $Identity; SendProtocolLogPath = (Join-Path $global:Sim.Root 'logs/frontend') }
    }
}

$script:ExoFunctions = @{
    'Get-ConnectionInformation' = { [pscustomobject]@{ Name = 'ExchangeOnline_1'; State = 'Connected'; UserPrincipalName = 'admin@contoso.onmicrosoft.com' } }
    'Get-InboundConnector'      = {
        [CmdletBinding()]
        param([Parameter(Position = 0)][string]$Identity)
        $found = @($global:Sim.Inbound | Where-Object { -not $Identity -or $_.Name -eq $Identity })
        if ($Identity -and $found.Count -eq 0) { Write-Error ('The operation couldn''t be performed because object ''{0}'' couldn''t be found.' -f $Identity); return }
        foreach ($c in $found) { $c | Select-Object -Property * }
    }
    'Set-InboundConnector'      = {
        [CmdletBinding()]
        param([Parameter(Position = 0, Mandatory = $true)][string]$Identity, [object]$TlsSenderCertificateName, [object]$SenderIPAddresses, $Enabled, $ConnectorType)
        $c = @($global:Sim.Inbound | Where-Object { $_.Name -eq $Identity })[0]
        if (-not $c) { throw ('Inbound connector ''{0}'' couldn''t be found.' -f $Identity) }
        if ($PSBoundParameters.ContainsKey('TlsSenderCertificateName')) {
            if ($TlsSenderCertificateName -isnot [string]) { throw 'TlsSenderCertificateName must be a string' }
            $c.TlsSenderCertificateName = $TlsSenderCertificateName
        }
        if ($PSBoundParameters.ContainsKey('SenderIPAddresses')) {
            $ips = @($SenderIPAddresses)
            if (@($ips | Where-Object { $_ -isnot [string] }).Count) { throw 'SenderIPAddresses must be strings' }
            $c.SenderIPAddresses = $ips
        }
        Write-SimLog ('Set-InboundConnector|' + $Identity + '|' + (($PSBoundParameters.Keys | Where-Object { $_ -ne 'Identity' } | Sort-Object | ForEach-Object { $_ + '=' + (@($PSBoundParameters[$_]) -join ';') }) -join ','))
    }
    'Get-AcceptedDomain'        = { [pscustomobject]@{ DomainName = 'contoso.com'; DomainType = 'Authoritative'; Default = $true } }
}

function global:Enable-SimExchange {
    foreach ($name in $script:ExchangeFunctions.Keys) { Set-Item -Path ('function:global:' + $name) -Value $script:ExchangeFunctions[$name] }
}
function global:Disable-SimExchange {
    foreach ($name in $script:ExchangeFunctions.Keys) { if (Test-Path -LiteralPath ('function:' + $name)) { Remove-Item -LiteralPath ('function:' + $name) } }
}
function global:Enable-SimExchangeOnline {
    foreach ($name in $script:ExoFunctions.Keys) { Set-Item -Path ('function:global:' + $name) -Value $script:ExoFunctions[$name] }
}
function global:Disable-SimExchangeOnline {
    foreach ($name in $script:ExoFunctions.Keys) { if (Test-Path -LiteralPath ('function:' + $name)) { Remove-Item -LiteralPath ('function:' + $name) } }
}

# ---- running scripts and reading the state -------------------------------------------------------------

function global:Get-SimState {
    <# Everything a fix can change, as one comparable string. #>
    $stores = [ordered]@{}
    foreach ($store in @('My', 'CA', 'Root', 'AuthRoot')) {
        $stores[$store] = @(Get-ChildItem -LiteralPath ('Cert:\LocalMachine\' + $store) | ForEach-Object { $_.Name } | Sort-Object)
    }
    $registry = [ordered]@{}
    foreach ($file in @(Get-ChildItem -LiteralPath $global:Sim.RegRoot -Recurse -File | Sort-Object FullName)) {
        $registry[$file.FullName.Substring($global:Sim.RegRoot.Length)] = [System.IO.File]::ReadAllText($file.FullName)
    }
    $state = [ordered]@{
        stores   = $stores
        send     = @($global:Sim.SendConnectors | ForEach-Object { [ordered]@{ Name = $_.Name; TlsCertificateName = $_.TlsCertificateName; RequireTLS = $_.RequireTLS; IgnoreSTARTTLS = $_.IgnoreSTARTTLS } })
        inbound  = @($global:Sim.Inbound | ForEach-Object { [ordered]@{ Name = $_.Name; TlsSenderCertificateName = $_.TlsSenderCertificateName; SenderIPAddresses = @($_.SenderIPAddresses) } })
        iis      = @($global:Sim.Iis | ForEach-Object { [ordered]@{ Name = $_.Name; AlwaysUseSsl = $_.AlwaysUseSsl } })
        registry = $registry
        capi2    = $global:Sim.Capi2Enabled
        excerts  = [ordered]@{}
        defaults = [ordered]@{}
    }
    foreach ($server in @($global:Sim.ExCerts.Keys | Sort-Object)) {
        $state.excerts[$server] = @($global:Sim.ExCerts[$server] | ForEach-Object { $_.Thumbprint + '=' + $_.Services } | Sort-Object)
        $state.defaults[$server] = $global:Sim.DefaultSmtp[$server]
    }
    return (ConvertTo-Json -InputObject $state -Depth 6 -Compress)
}

function global:Get-SimChanges {
    <# The log entries that change something (not certutil -verify, not reads). #>
    return @($global:Sim.Log | Where-Object { $_ -notmatch '^certutil\|-verify' -and $_ -notmatch '^wevtutil\|epl' })
}

function global:Invoke-SimScript {
    <#
    Runs a generated script in this session against the simulation: every stream as text, the exit code, the
    terminating error if there was one. The script's own working copy sits in a folder of its own.
    #>
    param([Parameter(Mandatory = $true)][string]$Path, [hashtable]$Arguments = @{})
    $global:LASTEXITCODE = 0
    $thrown = $null
    $lines = New-Object -TypeName 'System.Collections.ArrayList'
    try {
        & $Path @Arguments *>&1 | ForEach-Object { $lines.Add([string]$_) | Out-Null }
    } catch {
        $thrown = $_
        $lines.Add('THROWN: ' + [string]$_) | Out-Null
    }
    return [pscustomobject]@{ Output = ($lines -join "`n"); ExitCode = $global:LASTEXITCODE; Thrown = $thrown }
}

function global:Copy-SimPack([string]$PackDir, [string]$Destination) {
    if (Test-Path -LiteralPath $Destination) { Remove-Item -LiteralPath $Destination -Recurse -Force }
    New-Item -ItemType Directory -Path $Destination -Force | Out-Null
    Copy-Item -Path (Join-Path $PackDir '*') -Destination $Destination
    return $Destination
}
