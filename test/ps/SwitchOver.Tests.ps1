# switch-over.ps1 and rollback.ps1 of the switch-over pack (shared/switchover), from the real generator, run
# against the simulated Windows (SimulatedWindows.ps1) with the real server.pfx of test/fixtures/fixpack.
BeforeAll {
    . (Join-Path $PSScriptRoot 'SimulatedWindows.ps1')
    $script:Manifest = Get-Content -LiteralPath (Join-Path $env:RELAY_DOCTOR_PACKS 'manifest.json') -Raw | ConvertFrom-Json
    $script:Certs = Join-Path $env:RELAY_DOCTOR_PACKS 'certs'
    $script:Work = Join-Path $env:RELAY_DOCTOR_WORK 'switchover'
    $script:Leaf = $script:Manifest.certs.leaf
    $script:Intermediate = $script:Manifest.certs.intermediate
    $script:Root = $script:Manifest.certs.root
    $script:Password = ConvertTo-SecureString -String 'Tajn3-Heslo!' -AsPlainText -Force
    $script:NewName = '<I>CN=Relay Doctor Test Issuing CA 1, O=Relay Doctor Test, C=CZ<S>CN=relay.contoso.com, O=Contoso s.r.o., C=CZ'
    $script:OldName = '<I>CN=Old Issuing CA, O=Old<S>CN=relay.contoso.com'
    # The pack as the admin copies it: the pack's files and the PFX under the name the pack expects.
    function script:Pack([string]$Name) {
        $p = @($script:Manifest.packs | Where-Object { $_.name -eq $Name })[0]
        if (-not $p) { throw "no pack $Name" }
        $dir = Copy-SimPack -PackDir $p.dir -Destination (Join-Path $script:Work ('pack-' + $Name))
        $pfxName = if ($p.pfxFile -and $p.name -like '*hostile*') { $script:Manifest.hostilePfx } else { 'server.pfx' }
        Copy-Item -LiteralPath (Join-Path $script:Certs 'server.pfx') -Destination (Join-Path $dir $pfxName)
        return [pscustomobject]@{ Dir = $dir; Switch = (Join-Path $dir 'switch-over.ps1'); Rollback = (Join-Path $dir 'rollback.ps1'); Meta = $p }
    }
    function script:Backups([string]$Dir) { @(Get-ChildItem -LiteralPath $Dir -Directory -Filter 'backup-*' | Sort-Object CreationTime, Name) }
    # An Exchange server before the renewal: the old certificate (here the test root, as a stand-in) is the
    # default SMTP certificate of every source server, the root is trusted, the new certificate is nowhere yet.
    function script:ExchangeServer([string[]]$SourceServers = @('EX01'), [string]$Connector = '') {
        Reset-SimWindows -Root (Join-Path $script:Work 'windows') -Elevated -Exchange -SourceServers $SourceServers
        Add-SimCertificate -Store 'Root' -Path (Join-Path $script:Certs 'root.cer') | Out-Null
        foreach ($s in $SourceServers) {
            Add-SimExchangeCertificate -Server $s -Path (Join-Path $script:Certs 'root.cer') -Services 'IIS, SMTP'
            $global:Sim.DefaultSmtp[$s] = $script:Root
        }
        if ($Connector) {
            $global:Sim.SendConnectors[0].Name = $Connector
            $global:Sim.SendConnectors[0].Identity = $Connector
        }
    }
    function script:Run([string]$Path, [hashtable]$Arguments = @{}) {
        $a = @{ PfxPassword = $script:Password } + $Arguments
        return Invoke-SimScript -Path $Path -Arguments $a
    }
    function script:ConnectorName { [string]$global:Sim.SendConnectors[0].TlsCertificateName }
    # After a first -Apply: a second one changes nothing, a rollback dry run changes nothing, and the rollback
    # of the first run's backup brings back $Before exactly.
    function script:Assert-SecondApplyThenRollback($Pack, [string]$Before) {
        $after = Get-SimState
        $global:Sim.Log.Clear()
        (Run $Pack.Switch @{ Apply = $true }).ExitCode | Should -Be 0
        Get-SimChanges | Should -BeNullOrEmpty
        Get-SimState | Should -Be $after
        $first = @(Backups $Pack.Dir)[0].FullName
        (Invoke-SimScript -Path $Pack.Rollback -Arguments @{ BackupPath = $first }).ExitCode | Should -Be 0
        Get-SimChanges | Should -BeNullOrEmpty
        $back = Invoke-SimScript -Path $Pack.Rollback -Arguments @{ BackupPath = $first; Apply = $true }
        $back.Thrown | Should -BeNullOrEmpty
        $back.ExitCode | Should -Be 0
        Get-SimState | Should -Be $Before
    }
}

Describe 'switch-over on Exchange (<_>)' -ForEach @('en', 'cs', 'pl') {
    BeforeEach {
        ExchangeServer
        $pack = Pack ('switch-exchange-' + $_)
        $before = Get-SimState
    }

    It 'changes nothing in a dry run, and checks the PFX against the pre-flight thumbprint' {
        $r = Run $pack.Switch
        $r.Thrown | Should -BeNullOrEmpty
        $r.ExitCode | Should -Be 0
        Get-SimState | Should -Be $before
        Get-SimChanges | Should -BeNullOrEmpty
        $r.Output | Should -Match '  1\. '
        $r.Output | Should -Match $script:Leaf
    }

    It 'does exactly the plan with -Apply, nothing on a second -Apply, and rollback restores the state before' {
        $r = Run $pack.Switch @{ Apply = $true }
        $r.Thrown | Should -BeNullOrEmpty
        $r.ExitCode | Should -Be 0
        Get-SimChanges | Should -Be @(
            ('Import-Certificate|CA|' + $script:Intermediate),
            ('Import-ExchangeCertificate|EX01|' + $script:Leaf),
            ('Prompt|overwrite default SMTP certificate ' + $script:Root + '|N'),
            ('Enable-ExchangeCertificate|EX01|' + $script:Leaf + '|SMTP'),
            ('Set-SendConnector|Outbound to Office 365|TlsCertificateName=' + $script:NewName)
        )
        ConnectorName | Should -Be $script:NewName
        # Enabled for SMTP without replacing the default certificate.
        $global:Sim.DefaultSmtp['EX01'] | Should -Be $script:Root
        (@($global:Sim.ExCerts['EX01'] | Where-Object { $_.Thumbprint -eq $script:Leaf })[0]).Services | Should -Match 'SMTP'
        Test-Path -LiteralPath ('Cert:\LocalMachine\My\' + $script:Leaf) | Should -BeTrue
        Test-Path -LiteralPath ('Cert:\LocalMachine\CA\' + $script:Intermediate) | Should -BeTrue
        $first = @(Backups $pack.Dir)[0]
        Get-Content -LiteralPath (Join-Path $first.FullName 'certutil-verify.txt') -Raw | Should -Match 'completed successfully'
        (Import-Csv -LiteralPath (Join-Path $first.FullName 'installed.csv')).Thumbprint | Should -Be $script:Leaf
        # The password is asked, never written anywhere.
        foreach ($file in @(Get-ChildItem -LiteralPath $first.FullName -File)) { [System.IO.File]::ReadAllText($file.FullName) | Should -Not -Match 'Tajn3-Heslo' }
        Assert-SecondApplyThenRollback $pack $before
        ConnectorName | Should -Be $script:OldName
    }

    It 'stops before any change when the PFX holds another certificate than the pre-flight checked' {
        $text = [System.IO.File]::ReadAllText($pack.Switch)
        [System.IO.File]::WriteAllText($pack.Switch, $text.Replace("`$NewThumbprint = '" + $script:Leaf + "'", "`$NewThumbprint = '" + $script:Intermediate + "'"), (New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList $true))
        $r = Run $pack.Switch @{ Apply = $true }
        $r.ExitCode | Should -Be 1
        Get-SimChanges | Should -BeNullOrEmpty
        Get-SimState | Should -Be $before
        $r.Output | Should -Match $script:Leaf
    }

    It 'stops before any change on a wrong PFX password' {
        $r = Invoke-SimScript -Path $pack.Switch -Arguments @{ Apply = $true; PfxPassword = (ConvertTo-SecureString -String 'wrong' -AsPlainText -Force) }
        $r.ExitCode | Should -Be 1
        Get-SimChanges | Should -BeNullOrEmpty
        Get-SimState | Should -Be $before
    }
}

Describe 'switch-over on Exchange: the organisation and the default certificate' {
    It 'puts the certificate on every source server before it repoints the connector' {
        ExchangeServer -SourceServers @('EX01', 'EX02')
        $pack = Pack 'switch-exchange-two-servers'
        $r = Run $pack.Switch @{ Apply = $true }
        $r.ExitCode | Should -Be 0
        foreach ($s in @('EX01', 'EX02')) {
            Get-SimChanges | Should -Contain ('Import-ExchangeCertificate|' + $s + '|' + $script:Leaf)
            Get-SimChanges | Should -Contain ('Enable-ExchangeCertificate|' + $s + '|' + $script:Leaf + '|SMTP')
            $global:Sim.DefaultSmtp[$s] | Should -Be $script:Root
        }
        ConnectorName | Should -Be $script:NewName
        # The intermediate is in this server's CA store only: the script says to run it on EX02 too.
        $r.Output | Should -Match 'Run this script on EX02 too'
    }

    It 'stops before any change when a source server holds the certificate without its private key' {
        ExchangeServer -SourceServers @('EX01', 'EX02')
        Add-SimExchangeCertificate -Server 'EX02' -Path (Join-Path $script:Certs 'leaf.cer') -HasPrivateKey $false -Services 'None'
        $pack = Pack 'switch-exchange-two-servers'
        $before = Get-SimState
        $r = Run $pack.Switch @{ Apply = $true }
        $r.ExitCode | Should -Be 1
        $r.Output | Should -Match 'EX02'
        Get-SimChanges | Should -BeNullOrEmpty
        Get-SimState | Should -Be $before
    }

    It 'warns when the admin answered Yes and the default was replaced, and rollback makes the old one default again' {
        ExchangeServer
        $pack = Pack 'switch-exchange-en'
        $before = Get-SimState
        $global:Sim.OverwriteAnswer = 'Y'
        $r = Run $pack.Switch @{ Apply = $true }
        $r.ExitCode | Should -Be 0
        $global:Sim.DefaultSmtp['EX01'] | Should -Be $script:Leaf
        $r.Output | Should -Match ('the default SMTP certificate was ' + $script:Root)
        $back = Invoke-SimScript -Path $pack.Rollback -Arguments @{ BackupPath = @(Backups $pack.Dir)[0].FullName; Apply = $true }
        $back.ExitCode | Should -Be 0
        $global:Sim.DefaultSmtp['EX01'] | Should -Be $script:Root
        Get-SimState | Should -Be $before
    }

    It 'refuses -Apply after a pre-flight that said will break, unless -Force' {
        ExchangeServer
        $pack = Pack 'switch-exchange-willbreak'
        $before = Get-SimState
        $r = Run $pack.Switch @{ Apply = $true }
        $r.ExitCode | Should -Be 1
        Get-SimState | Should -Be $before
        $forced = Run $pack.Switch @{ Apply = $true; Force = $true }
        $forced.ExitCode | Should -Be 0
        ConnectorName | Should -Be $script:NewName
    }

    It 'keeps a hostile connector name and PFX file name literal' {
        ExchangeServer -Connector $script:Manifest.hostile
        $pack = Pack 'switch-exchange-hostile'
        $r = Run $pack.Switch @{ Apply = $true }
        $r.Thrown | Should -BeNullOrEmpty
        $r.ExitCode | Should -Be 0
        ConnectorName | Should -Be $script:NewName
        ($global:Sim.Log | Where-Object { $_ -like 'Start-Process*' }) | Should -BeNullOrEmpty
        $back = Invoke-SimScript -Path $pack.Rollback -Arguments @{ BackupPath = @(Backups $pack.Dir)[0].FullName; Apply = $true }
        $back.ExitCode | Should -Be 0
        ConnectorName | Should -Be $script:OldName
        ($global:Sim.Log | Where-Object { $_ -like 'Start-Process*' }) | Should -BeNullOrEmpty
    }
}

Describe 'switch-over on IIS 6 SMTP (<_>)' -ForEach @('en', 'de') {
    BeforeEach {
        Reset-SimWindows -Root (Join-Path $script:Work 'windows') -Elevated -Iis -Computer 'RELAY01'
        Add-SimCertificate -Store 'Root' -Path (Join-Path $script:Certs 'root.cer') | Out-Null
        $pack = Pack ('switch-iis-' + $_)
        $before = Get-SimState
    }

    It 'changes nothing in a dry run' {
        $r = Run $pack.Switch
        $r.ExitCode | Should -Be 0
        Get-SimChanges | Should -BeNullOrEmpty
        Get-SimState | Should -Be $before
    }

    It 'imports, turns on Outbound Security TLS, changes nothing the second time, and rolls back to the state before' {
        $r = Run $pack.Switch @{ Apply = $true }
        $r.Thrown | Should -BeNullOrEmpty
        $r.ExitCode | Should -Be 0
        Get-SimChanges | Should -Be @(
            ('Import-Certificate|CA|' + $script:Intermediate),
            ('Import-PfxCertificate|My|' + $script:Leaf),
            'Set-CimInstance|SmtpSvc/1|AlwaysUseSsl=True'
        )
        Assert-SecondApplyThenRollback $pack $before
    }

    It 'restarts SMTPSVC only on -RestartService' {
        (Run $pack.Switch @{ Apply = $true }).ExitCode | Should -Be 0
        Get-SimChanges | Where-Object { $_ -like 'Restart-Service*' } | Should -BeNullOrEmpty
        (Run $pack.Switch @{ Apply = $true; RestartService = $true }).ExitCode | Should -Be 0
        Get-SimChanges | Should -Contain 'Restart-Service|SMTPSVC'
    }
}
