# The collector round trip: collect-evidence.ps1 from the real generator runs against the simulated Windows,
# which produces realistic files (a fixture .evtx, protocol logs, cmdlet output); the engine then reads the
# zip it writes, as `relay-doctor analyze` does, and must find the evidence that went in.
BeforeAll {
    . (Join-Path $PSScriptRoot 'SimulatedWindows.ps1')
    $script:Repo = $env:RELAY_DOCTOR_REPO
    $script:Manifest = Get-Content -LiteralPath (Join-Path $env:RELAY_DOCTOR_PACKS 'manifest.json') -Raw | ConvertFrom-Json
    $script:Certs = Join-Path $env:RELAY_DOCTOR_PACKS 'certs'
    $script:Work = Join-Path $env:RELAY_DOCTOR_WORK 'collector'
    $script:Fixtures = Join-Path $script:Repo 'test/fixtures'

    function script:Collect([string]$Locale, [switch]$Iis, [hashtable]$Arguments = @{}) {
        $pack = @($script:Manifest.packs | Where-Object { $_.name -eq ('c1-' + $Locale) })[0]
        $zip = Join-Path $script:Work ('evidence-' + $Locale + '.zip')
        if (Test-Path -LiteralPath $zip) { Remove-Item -LiteralPath $zip }
        $all = @{ OutputPath = $zip; Yes = $true; CaptureSeconds = 0 } + $Arguments
        $r = Invoke-SimScript -Path (Join-Path $pack.dir 'collect-evidence.ps1') -Arguments $all
        return [pscustomobject]@{ Run = $r; Zip = $zip }
    }

    function script:Analyze([string]$Zip) {
        $json = & $env:RELAY_DOCTOR_NODE (Join-Path $script:Repo 'test/ps/analyze.mjs') $Zip
        if ($LASTEXITCODE -ne 0) { throw "analyze failed: $json" }
        return ($json | ConvertFrom-Json)
    }

    function script:Exchange([switch]$FrontendProxy) {
        Reset-SimWindows -Root (Join-Path $script:Work 'windows') -Elevated -Exchange -FrontendProxy:$FrontendProxy
        $global:Sim.EvtxFixture = Join-Path $script:Fixtures 'evtx/capi2-and-exchange.evtx'
        Add-SimCertificate -Store 'My' -Path (Join-Path $script:Certs 'leaf.cer') | Out-Null
        Add-SimCertificate -Store 'Root' -Path (Join-Path $script:Certs 'root.cer') | Out-Null
        Add-SimExchangeCertificate -Server 'EX01' -Path (Join-Path $script:Certs 'leaf.cer')
        Copy-Item -LiteralPath (Join-Path $script:Fixtures 'smtp/exchange-send-5.7.64-cert-sent.log') -Destination (Join-Path $global:Sim.Root 'logs/hub/SEND20240514-1.LOG')
        Copy-Item -LiteralPath (Join-Path $script:Fixtures 'smtp/exchange-send-nocredentials.log') -Destination (Join-Path $global:Sim.Root 'logs/frontend/SEND20240514-1.LOG')
        # Copy-Item keeps the fixture's time: the collector takes the last -Days days.
        Get-ChildItem -LiteralPath (Join-Path $global:Sim.Root 'logs') -Recurse -File | ForEach-Object { $_.LastWriteTime = Get-Date }
    }
}

Describe 'collect-evidence.ps1 on an Exchange server' {
    BeforeAll {
        Exchange -FrontendProxy
        $script:Result = Collect -Locale 'en'
        $script:Entries = @()
        Add-Type -AssemblyName 'System.IO.Compression.FileSystem'
        $zipFile = [System.IO.Compression.ZipFile]::OpenRead($script:Result.Zip)
        try { $script:Entries = @($zipFile.Entries | ForEach-Object { $_.FullName -replace '\\', '/' }) } finally { $zipFile.Dispose() }
        $script:Report = Analyze $script:Result.Zip
    }

    It 'runs to the end and writes one zip' {
        $script:Result.Run.Thrown | Should -BeNullOrEmpty
        Test-Path -LiteralPath $script:Result.Zip | Should -BeTrue
        $script:Entries | Should -Contain 'manifest.json'
        $script:Entries | Should -Contain 'events/capi2.evtx'
        $script:Entries | Should -Contain 'events/transport.evtx'
        $script:Entries | Should -Contain 'logs/SEND20240514-1.LOG'
        $script:Entries | Should -Contain 'settings/Get-SendConnector.json'
        $script:Entries | Should -Contain ('certificates/' + $script:Manifest.certs.leaf + '.cer')
    }

    It 'reports whether Send connector protocol logging is on (it is off by default)' {
        $script:Result.Run.Output | Should -Match 'Outbound to Office 365: protocol logging is off'
        $script:Result.Run.Output | Should -Match 'Set-SendConnector <name> -ProtocolLoggingLevel Verbose'
        $script:Result.Run.Output | Should -Match 'Internet: protocol logging is on'
    }

    It 'reads the Front End Transport logs when FrontendProxyEnabled is set' {
        $script:Entries | Should -Contain 'logs/FrontEnd/SEND20240514-1.LOG'
    }

    It 'turns the CAPI2 log on only for the capture and off again, as it was' {
        $global:Sim.Log | Should -Contain 'wevtutil|sl Microsoft-Windows-CAPI2/Operational /e:true'
        $global:Sim.Log | Should -Contain 'wevtutil|sl Microsoft-Windows-CAPI2/Operational /e:false'
        $global:Sim.Capi2Enabled | Should -BeFalse
    }

    It 'changes nothing else on the server' {
        @(Get-SimChanges | Where-Object { $_ -notlike 'wevtutil|sl *' }) | Should -BeNullOrEmpty
    }

    It 'gives the engine the evidence that went in' {
        $inputs = @($script:Report.report.inputs)
        $kinds = @($script:Report.evidence | ForEach-Object { $_.kind }) | Sort-Object -Unique
        foreach ($k in @('certificates', 'events', 'smtpLog', 'settings')) { $kinds | Should -Contain $k }
        @($inputs | Where-Object { $_.status -ne 'ok' }) | Should -BeNullOrEmpty
        $ids = @($script:Report.report.findings | ForEach-Object { $_.id })
        $ids | Should -Contain 'smtp.tenantAttribution'
        # The fixture's CAPI2 events are read (their server and date set them apart from this capture).
        $capi2 = @($inputs | Where-Object { $_.file -like '*capi2.evtx' })[0]
        $capi2.status | Should -Be 'ok'
        $capi2.kind | Should -Be 'events'
        $capi2.items | Should -BeGreaterThan 2
        $ids | Should -Contain 'smtp.noCredentials'
        @($script:Report.evidence | Where-Object { $_.kind -eq 'smtpLog' } | ForEach-Object { $_.source }) -join ' ' | Should -Match 'FrontEnd'
        $manifest = @($script:Report.evidence | Where-Object { $_.source -like '*Get-SendConnector.json' })
        $manifest.Count | Should -BeGreaterThan 0
    }
}

Describe 'collect-evidence.ps1 on an IIS SMTP server' {
    It 'collects the SMTPSVC settings without the smart-host password, in every language' -ForEach @('en', 'cs', 'de', 'fr', 'es', 'pl') {
        Reset-SimWindows -Root (Join-Path $script:Work 'windows') -Elevated -Iis
        $global:Sim.EvtxFixture = Join-Path $script:Fixtures 'evtx/capi2-and-exchange.evtx'
        Add-SimCertificate -Store 'My' -Path (Join-Path $script:Certs 'leaf.cer') | Out-Null
        Copy-Item -LiteralPath (Join-Path $script:Fixtures 'smtp/iis-smtpsvc-ex240514.log') -Destination (Join-Path $global:Sim.Root 'System32/LogFiles/SMTPSVC1/ex240514.log')
        (Get-Item -LiteralPath (Join-Path $global:Sim.Root 'System32/LogFiles/SMTPSVC1/ex240514.log')).LastWriteTime = Get-Date
        $c = Collect -Locale $_
        $c.Run.Thrown | Should -BeNullOrEmpty
        Add-Type -AssemblyName 'System.IO.Compression.FileSystem'
        $zipFile = [System.IO.Compression.ZipFile]::OpenRead($c.Zip)
        try {
            $names = @($zipFile.Entries | ForEach-Object { $_.FullName -replace '\\', '/' })
            $text = ($zipFile.Entries | Where-Object { $_.FullName -like '*SMTPSVC*' } | ForEach-Object { $s = $_.Open(); try { (New-Object -TypeName 'System.IO.StreamReader' -ArgumentList $s).ReadToEnd() } finally { $s.Dispose() } }) -join "`n"
        } finally { $zipFile.Dispose() }
        $names | Should -Contain 'logs/ex240514.log'
        $text | Should -Match 'AlwaysUseSsl'
        $text | Should -Not -Match 'Secret-Route-Password'
        if ($_ -eq 'en') {
            $report = Analyze $c.Zip
            @($report.evidence | Where-Object { $_.kind -eq 'smtpLog' -and $_.source -like '*ex240514.log' }).Count | Should -BeGreaterThan 0
            @($report.evidence | Where-Object { $_.kind -eq 'settings' -and $_.source -like '*SMTPSVC*' }).Count | Should -BeGreaterThan 0
        }
    }
}
