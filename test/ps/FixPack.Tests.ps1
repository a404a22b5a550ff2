# fix.ps1 and rollback.ps1 from the real generator, run against the simulated Windows (SimulatedWindows.ps1).
BeforeAll {
    . (Join-Path $PSScriptRoot 'SimulatedWindows.ps1')
    $script:Manifest = Get-Content -LiteralPath (Join-Path $env:RELAY_DOCTOR_PACKS 'manifest.json') -Raw | ConvertFrom-Json
    $script:Certs = Join-Path $env:RELAY_DOCTOR_PACKS 'certs'
    $script:Work = Join-Path $env:RELAY_DOCTOR_WORK 'fixpack'
    function script:Pack([string]$Name) {
        $p = @($script:Manifest.packs | Where-Object { $_.name -eq $Name })[0]
        if (-not $p) { throw "no pack $Name" }
        $dir = Copy-SimPack -PackDir $p.dir -Destination (Join-Path $script:Work ('pack-' + $Name))
        return [pscustomobject]@{ Dir = $dir; Fix = (Join-Path $dir 'fix.ps1'); Rollback = (Join-Path $dir 'rollback.ps1'); Meta = $p }
    }
    function script:Backups([string]$Dir) { @(Get-ChildItem -LiteralPath $Dir -Directory -Filter 'backup-*' | Sort-Object CreationTime, Name) }
    # A server whose certificate is installed (with its key) and whose root is trusted: only the intermediate is missing.
    function script:Server([switch]$Exchange, [switch]$ExchangeOnline, [switch]$Iis, [switch]$NotElevated, [string[]]$SourceServers = @('EX01'), [switch]$NoIisWmi) {
        Reset-SimWindows -Root (Join-Path $script:Work 'windows') -Elevated:(-not $NotElevated) -Exchange:$Exchange -ExchangeOnline:$ExchangeOnline -Iis:$Iis -SourceServers $SourceServers -NoIisWmi:$NoIisWmi
        Add-SimCertificate -Store 'My' -Path (Join-Path $script:Certs 'leaf.cer') | Out-Null
        Add-SimCertificate -Store 'Root' -Path (Join-Path $script:Certs 'root.cer') | Out-Null
        if ($Exchange) { foreach ($s in $SourceServers) { Add-SimExchangeCertificate -Server $s -Path (Join-Path $script:Certs 'leaf.cer') } }
    }
    $script:Leaf = $script:Manifest.certs.leaf
    $script:Intermediate = $script:Manifest.certs.intermediate
}

Describe 'KB 3212877: importing the intermediate (<_>)' -ForEach @('en', 'cs', 'pl') {
    BeforeEach {
        Server -Exchange
        $pack = Pack ('c1-' + $_)
        $before = Get-SimState
    }

    It 'changes nothing in a dry run and prints the plan' {
        $r = Invoke-SimScript -Path $pack.Fix
        $r.Thrown | Should -BeNullOrEmpty
        $r.ExitCode | Should -Be 0
        Get-SimState | Should -Be $before
        Get-SimChanges | Should -BeNullOrEmpty
        $r.Output | Should -Match '  1\. '
        $r.Output | Should -Match ([regex]::Escape('Cert:\LocalMachine\CA\' + $script:Intermediate))
        # The verification reads the local stores only, and says the chain is not complete yet.
        ($global:Sim.Log | Where-Object { $_ -like 'certutil|-verify*' }).Count | Should -Be 1
        ($global:Sim.Log -join "`n") | Should -Not -Match 'urlfetch'
    }

    It 'does exactly the plan with -Apply, then nothing on a second -Apply, and rollback restores the state before' {
        $r = Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true }
        $r.Thrown | Should -BeNullOrEmpty
        $r.ExitCode | Should -Be 0
        Get-SimChanges | Should -Be @('Import-Certificate|CA|' + $script:Intermediate)
        Test-Path -LiteralPath ('Cert:\LocalMachine\CA\' + $script:Intermediate) | Should -BeTrue
        $after = Get-SimState
        $first = @(Backups $pack.Dir)[0]
        (Import-Csv -LiteralPath (Join-Path $first.FullName 'imported.csv')).Thumbprint | Should -Be $script:Intermediate
        Get-Content -LiteralPath (Join-Path $first.FullName 'certutil-verify.txt') -Raw | Should -Match 'completed successfully'

        $global:Sim.Log.Clear()
        $again = Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true }
        $again.ExitCode | Should -Be 0
        Get-SimChanges | Should -BeNullOrEmpty
        Get-SimState | Should -Be $after

        $global:Sim.Log.Clear()
        $dry = Invoke-SimScript -Path $pack.Rollback -Arguments @{ BackupPath = $first.FullName }
        $dry.ExitCode | Should -Be 0
        Get-SimChanges | Should -BeNullOrEmpty
        $back = Invoke-SimScript -Path $pack.Rollback -Arguments @{ BackupPath = $first.FullName; Apply = $true }
        $back.Thrown | Should -BeNullOrEmpty
        $back.ExitCode | Should -Be 0
        Get-SimState | Should -Be $before
    }

    It 'stops before any change when the embedded .cer does not match its thumbprint' {
        $text = [System.IO.File]::ReadAllText($pack.Fix)
        $m = [regex]::Match($text, "Base64 = '([A-Za-z0-9+/=]+)'")
        $b64 = $m.Groups[1].Value
        $i = [int]($b64.Length / 2)
        $swap = if ($b64[$i] -eq 'A') { 'B' } else { 'A' }
        $forged = $b64.Substring(0, $i) + $swap + $b64.Substring($i + 1)
        [System.IO.File]::WriteAllText($pack.Fix, $text.Replace($b64, $forged), (New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList $true))
        $r = Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true }
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match $script:Intermediate
        Get-SimChanges | Should -BeNullOrEmpty
        Get-SimState | Should -Be $before
    }

    It 'stops with -Apply in a session that is not elevated, naming the shell to open' {
        $global:Sim.Elevated = $false
        $r = Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true }
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'Run as administrator|Spustit jako správce|Uruchom jako administrator'
        Get-SimChanges | Should -BeNullOrEmpty
        Get-SimState | Should -Be $before
    }

    It 'stops on an Exchange server when the Exchange cmdlets are missing, naming the Exchange Management Shell' {
        Disable-SimExchange
        foreach ($a in @(@{}, @{ Apply = $true })) {
            $r = Invoke-SimScript -Path $pack.Fix -Arguments $a
            $r.ExitCode | Should -Be 1
            $r.Output | Should -Match 'Exchange Management Shell'
        }
        Get-SimChanges | Should -BeNullOrEmpty
        Get-SimState | Should -Be $before
    }
}

Describe 'A step the pack cannot script' {
    It 'is named as not done, with the reason, never skipped silently' {
        Server -Exchange
        $r = Invoke-SimScript -Path (Pack 'c1-noder-en').Fix -Arguments @{ Apply = $true }
        $r.ExitCode | Should -Be 0
        $r.Output | Should -Match 'Not done by this script: Import the missing intermediate certificates'
        Get-SimChanges | Should -BeNullOrEmpty
        $r.Output | Should -Match 'The issuer .* is in none of this server''s stores'
    }
}

Describe 'KB 3212877 on IIS SMTP, where Import-Certificate is missing (certutil -addstore)' {
    It 'imports with certutil and verifies from the local stores' {
        Server -Iis
        $pack = Pack 'c1-en'
        $saved = Get-Item -LiteralPath 'function:Import-Certificate'
        Remove-Item -LiteralPath 'function:Import-Certificate'
        try {
            $r = Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true }
        } finally {
            Set-Item -Path 'function:global:Import-Certificate' -Value $saved.ScriptBlock
        }
        $r.ExitCode | Should -Be 0
        Get-SimChanges | Should -Contain ('certutil|-addstore CA ' + (Join-Path (@(Backups $pack.Dir)[0].FullName) ('intermediate-' + $script:Intermediate + '.cer')))
        Test-Path -LiteralPath ('Cert:\LocalMachine\CA\' + $script:Intermediate) | Should -BeTrue
    }

    It 'says the root is missing (800B0109 on the sender) when the root is not trusted' {
        Server -Iis
        Remove-Item -LiteralPath ('Cert:\LocalMachine\Root\' + $script:Manifest.certs.root)
        Add-SimCertificate -Store 'CA' -Path (Join-Path $script:Certs 'intermediate.cer') | Out-Null
        Add-SimCertificate -Store 'CA' -Path (Join-Path $script:Certs 'root.cer') | Out-Null
        $r = Invoke-SimScript -Path (Pack 'c1-en').Fix
        $r.Output | Should -Match '800B0109'
        $r.Output | Should -Match 'LocalMachine\\Root'
    }
}

Describe 'Send connector certificate (TlsCertificateName is organisation-wide)' {
    It 'stops before any change when one source server lacks the certificate' {
        Server -Exchange -SourceServers @('EX01', 'EX02')
        $global:Sim.ExCerts['EX02'].Clear()
        $before = Get-SimState
        $r = Invoke-SimScript -Path (Pack 'send-en').Fix -Arguments @{ Apply = $true }
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'EX02'
        Get-SimChanges | Should -BeNullOrEmpty
        Get-SimState | Should -Be $before
    }

    It 'stops when a source server has the certificate without its private key or not enabled for SMTP' {
        Server -Exchange -SourceServers @('EX01', 'EX02')
        $global:Sim.ExCerts['EX02'][0].Services = 'IIS'
        $global:Sim.ExCerts['EX01'][0].HasPrivateKey = $false
        $r = Invoke-SimScript -Path (Pack 'send-en').Fix -Arguments @{ Apply = $true }
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'Enable-ExchangeCertificate -Server EX02'
        $r.Output | Should -Match 'private key'
        Get-SimChanges | Should -BeNullOrEmpty
    }

    It 'sets <I>issuer<S>subject from Get-ExchangeCertificate, once, and rollback hands the saved name back as a [string]' {
        Server -Exchange -SourceServers @('EX01', 'EX02')
        $pack = Pack 'send-en'
        $before = Get-SimState
        $leaf = New-SimCertificate -Path (Join-Path $script:Certs 'leaf.cer')
        $r = Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true }
        $r.Thrown | Should -BeNullOrEmpty
        $r.ExitCode | Should -Be 0
        Get-SimChanges | Should -Be @('Set-SendConnector|Outbound to Office 365|TlsCertificateName=<I>' + $leaf.Issuer + '<S>' + $leaf.Subject)
        $r.Output | Should -Match 'EX01, EX02'
        $after = Get-SimState
        $global:Sim.Log.Clear()
        Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true } | Out-Null
        Get-SimChanges | Should -BeNullOrEmpty
        Get-SimState | Should -Be $after
        $back = Invoke-SimScript -Path $pack.Rollback -Arguments @{ BackupPath = @(Backups $pack.Dir)[0].FullName; Apply = $true }
        $back.Thrown | Should -BeNullOrEmpty
        Get-SimState | Should -Be $before
    }

    It 'stops in a plain PowerShell window (no Exchange cmdlets), naming the Exchange Management Shell' {
        Server -Iis
        $r = Invoke-SimScript -Path (Pack 'send-en').Fix
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'Exchange Management Shell'
    }
}

Describe 'Exchange Online inbound connector with a hostile name from the evidence' {
    BeforeEach {
        Server -ExchangeOnline
        $hostile = $script:Manifest.hostile
        $global:Sim.Inbound.Add([pscustomobject]@{ Name = $hostile; ConnectorType = 'OnPremises'; ConnectorSource = 'Default'; TlsSenderCertificateName = 'old.contoso.com'; SenderIPAddresses = @('203.0.113.7'); Enabled = $true; RequireTls = $true; RestrictDomainsToCertificate = $false; Identity = $hostile }) | Out-Null
        $pack = Pack 'exo-name-en'
        $before = Get-SimState
    }

    It 'asks for confirmation (ConfirmImpact High) and changes nothing when it cannot ask' {
        $r = Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true }
        $r.Thrown | Should -Not -BeNullOrEmpty
        [string]$r.Thrown | Should -Match 'NonInteractive|prompt'
        Get-SimChanges | Should -BeNullOrEmpty
        Get-SimState | Should -Be $before
    }

    It 'with -Confirm:$false sets exactly the named value on exactly the named connector; the name stays literal' {
        $r = Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true; Confirm = $false }
        $r.Thrown | Should -BeNullOrEmpty
        $r.ExitCode | Should -Be 0
        Get-SimChanges | Should -Be @('Set-InboundConnector|' + $script:Manifest.hostile + '|TlsSenderCertificateName=relay.contoso.com')
        ($global:Sim.Log | Where-Object { $_ -like 'Start-Process*' }) | Should -BeNullOrEmpty
        $r.Output | Should -Match ([regex]::Escape($script:Manifest.hostile))
        $global:Sim.Log.Clear()
        Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true; Confirm = $false } | Out-Null
        Get-SimChanges | Should -BeNullOrEmpty
        $back = Invoke-SimScript -Path $pack.Rollback -Arguments @{ BackupPath = @(Backups $pack.Dir)[0].FullName; Apply = $true; Confirm = $false }
        $back.Thrown | Should -BeNullOrEmpty
        Get-SimState | Should -Be $before
    }

    It 'says so before a hand edit of a connector the Hybrid Configuration Wizard made' {
        $global:Sim.Inbound[0].ConnectorSource = 'HybridWizard'
        $r = Invoke-SimScript -Path $pack.Fix
        $r.Output | Should -Match 'HybridWizard'
        $r.Output | Should -Match 'Hybrid Configuration Wizard'
    }

    It 'needs no elevation on this machine for a change to the tenant' {
        $global:Sim.Elevated = $false
        $r = Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true; Confirm = $false }
        $r.ExitCode | Should -Be 0
        Get-SimChanges | Should -Be @('Set-InboundConnector|' + $script:Manifest.hostile + '|TlsSenderCertificateName=relay.contoso.com')
    }

    It 'stops without Connect-ExchangeOnline, naming it' {
        Disable-SimExchangeOnline
        $r = Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true; Confirm = $false }
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'Connect-ExchangeOnline'
        Get-SimState | Should -Be $before
    }

    It 'keeps every hostile name literal in every language' -ForEach @('cs', 'de', 'fr', 'es', 'pl') {
        $r = Invoke-SimScript -Path (Pack ('exo-name-' + $_)).Fix -Arguments @{ Apply = $true; Confirm = $false }
        $r.Thrown | Should -BeNullOrEmpty
        Get-SimChanges | Should -Be @('Set-InboundConnector|' + $script:Manifest.hostile + '|TlsSenderCertificateName=relay.contoso.com')
    }
}

Describe 'Exchange Online sender IP addresses' {
    It 'keeps the listed address, adds the new one, and rollback restores the list' {
        Server -ExchangeOnline
        $global:Sim.Inbound.Add([pscustomobject]@{ Name = 'On-prem relay'; ConnectorType = 'OnPremises'; ConnectorSource = 'Default'; TlsSenderCertificateName = $null; SenderIPAddresses = @('203.0.113.7'); Identity = 'On-prem relay' }) | Out-Null
        $pack = Pack 'exo-ips-en'
        $before = Get-SimState
        $r = Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true; Confirm = $false }
        $r.ExitCode | Should -Be 0
        Get-SimChanges | Should -Be @('Set-InboundConnector|On-prem relay|SenderIPAddresses=203.0.113.7;198.51.100.25')
        $global:Sim.Log.Clear()
        Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true; Confirm = $false } | Out-Null
        Get-SimChanges | Should -BeNullOrEmpty
        Invoke-SimScript -Path $pack.Rollback -Arguments @{ BackupPath = @(Backups $pack.Dir)[0].FullName; Apply = $true; Confirm = $false } | Out-Null
        Get-SimState | Should -Be $before
    }
}

Describe 'No STARTTLS' {
    It 'on IIS SMTP ticks Outbound Security > TLS encryption (AlwaysUseSsl), leaves the registry alone, and rolls back' {
        Server -Iis
        $pack = Pack 'notls-iis-en'
        $before = Get-SimState
        $r = Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true }
        $r.Thrown | Should -BeNullOrEmpty
        $r.ExitCode | Should -Be 0
        Get-SimChanges | Should -Be @('Set-CimInstance|SmtpSvc/1|AlwaysUseSsl=True')
        (Get-ChildItem -LiteralPath $global:Sim.RegRoot -Recurse -File) | Should -BeNullOrEmpty
        $after = Get-SimState
        $global:Sim.Log.Clear()
        Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true } | Out-Null
        Get-SimChanges | Should -BeNullOrEmpty
        Get-SimState | Should -Be $after
        Invoke-SimScript -Path $pack.Rollback -Arguments @{ BackupPath = @(Backups $pack.Dir)[0].FullName; Apply = $true } | Out-Null
        Get-SimState | Should -Be $before
    }

    It 'on IIS SMTP without the IIS 6 WMI provider stops and points at Outbound Security' {
        Server -Iis -NoIisWmi
        $r = Invoke-SimScript -Path (Pack 'notls-iis-en').Fix -Arguments @{ Apply = $true }
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'Outbound Security'
        Get-SimChanges | Should -BeNullOrEmpty
    }

    It 'on Exchange sets RequireTLS on the Send connector to Exchange Online' {
        Server -Exchange
        $global:Sim.SendConnectors[0].IgnoreSTARTTLS = $true
        $pack = Pack 'notls-exchange-en'
        $before = Get-SimState
        $r = Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true }
        $r.ExitCode | Should -Be 0
        Get-SimChanges | Should -Be @('Set-SendConnector|Outbound to Office 365|IgnoreSTARTTLS=False,RequireTLS=True')
        Invoke-SimScript -Path $pack.Rollback -Arguments @{ BackupPath = @(Backups $pack.Dir)[0].FullName; Apply = $true } | Out-Null
        Get-SimState | Should -Be $before
    }
}

Describe 'TLS 1.0/1.1 on Exchange (smtp.legacyTls)' {
    It 'sets the Schannel TLS 1.2 values and the .NET keys, and rollback removes exactly those' {
        Server -Exchange
        $global:Sim.SendConnectors[0].RequireTLS = $true
        $pack = Pack 'legacytls-en'
        $before = Get-SimState
        $r = Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true }
        $r.Thrown | Should -BeNullOrEmpty
        $r.ExitCode | Should -Be 0
        $changes = Get-SimChanges
        ($changes | Where-Object { $_ -like 'New-ItemProperty|*' }).Count | Should -Be 12
        ($changes -join "`n") | Should -Match 'TLS 1.2\\Client\|Enabled=1'
        ($changes -join "`n") | Should -Match 'TLS 1.2\\Server\|DisabledByDefault=0'
        ($changes -join "`n") | Should -Match 'v4.0.30319\|SchUseStrongCrypto=1'
        ($changes -join "`n") | Should -Match 'WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319\|SystemDefaultTlsVersions=1'
        $r.Output | Should -Match 'Restart the server|reboot'
        $global:Sim.Log.Clear()
        Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true } | Out-Null
        @(Get-SimChanges | Where-Object { $_ -like 'New-ItemProperty|*' }).Count | Should -Be 0
        Invoke-SimScript -Path $pack.Rollback -Arguments @{ BackupPath = @(Backups $pack.Dir)[0].FullName; Apply = $true } | Out-Null
        Get-SimState | Should -Be $before
    }
}

Describe 'The transport restart' {
    It 'is skipped with a message unless -RestartTransport, and restarts Front End Transport too with FrontendProxyEnabled' {
        Reset-SimWindows -Root (Join-Path $script:Work 'windows') -Elevated -Exchange -FrontendProxy
        Add-SimCertificate -Store 'My' -Path (Join-Path $script:Certs 'leaf.cer') | Out-Null
        Add-SimCertificate -Store 'Root' -Path (Join-Path $script:Certs 'root.cer') | Out-Null
        Add-SimExchangeCertificate -Server 'EX01' -Path (Join-Path $script:Certs 'leaf.cer')
        $pack = Pack 'c1-en'
        $r = Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true }
        $r.Output | Should -Match 'MSExchangeTransport'
        ($global:Sim.Log | Where-Object { $_ -like 'Restart-Service*' }) | Should -BeNullOrEmpty
        $global:Sim.Log.Clear()
        Invoke-SimScript -Path $pack.Fix -Arguments @{ Apply = $true; RestartTransport = $true; Force = $true } | Out-Null
        @($global:Sim.Log | Where-Object { $_ -like 'Restart-Service*' }) | Should -Be @('Restart-Service|MSExchangeTransport', 'Restart-Service|MSExchangeFrontEndTransport')
    }
}

Describe 'Evidence that proves no fix (an NDR alone)' {
    It 'holds the collector and a guide naming the server, no fix.ps1 or rollback.ps1' -ForEach @('en', 'cs', 'de', 'fr', 'es', 'pl') {
        $lang = $_
        $p = @($script:Manifest.packs | Where-Object { $_.name -eq ('ndr-' + $lang) })[0]
        @($p.files) | Should -Not -Contain 'fix.ps1'
        @($p.files) | Should -Not -Contain 'rollback.ps1'
        @($p.files) | Should -Contain 'collect-evidence.ps1'
        $md = Get-Content -LiteralPath (Join-Path $p.dir 'guide.md') -Raw
        $md | Should -Match 'EX01\.contoso\.com'
        $md | Should -Match 'collect-evidence\.ps1'
        $md | Should -Not -Match 'fix\.ps1'
    }
}
