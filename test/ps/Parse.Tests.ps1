# Every generated script, for every cause, language and relay kind, parses with PowerShell's own parser and
# uses nothing that Windows PowerShell 5.1 cannot run; UTF-8 with a BOM and CRLF line ends only.
BeforeDiscovery {
    $manifest = Get-Content -LiteralPath (Join-Path $env:RELAY_DOCTOR_PACKS 'manifest.json') -Raw | ConvertFrom-Json
    $scripts = foreach ($pack in $manifest.packs) {
        foreach ($file in @($pack.files | Where-Object { $_ -like '*.ps1' })) {
            @{ Name = $pack.name + '/' + $file; Path = Join-Path $pack.dir $file }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Windows51.psm1') -Force
}

Describe 'the Windows PowerShell 5.1 check' {
    It 'refuses <Name>' -ForEach @(
        @{ Name = '??'; Code = '$a = $b ?? 1' }
        @{ Name = '??='; Code = '$a ??= 1' }
        @{ Name = '?.'; Code = '${a}?.Length' }
        @{ Name = 'ternary'; Code = '$a = $true ? 1 : 2' }
        @{ Name = '&&'; Code = 'Get-Date && Get-Date' }
        @{ Name = '||'; Code = 'Get-Date || Get-Date' }
        @{ Name = 'ForEach-Object -Parallel'; Code = '1..2 | ForEach-Object -Parallel { $_ }' }
        @{ Name = '% -Parallel'; Code = '1..2 | % -Parallel { $_ }' }
        @{ Name = 'clean {}'; Code = 'function f { process { 1 } clean { 2 } }' }
        @{ Name = 'a 7-only cmdlet'; Code = 'Get-Error' }
        @{ Name = 'a 7-only parameter'; Code = '$x | ConvertFrom-Json -AsHashtable' }
        @{ Name = 'a 7-only encoding'; Code = 'Out-File -LiteralPath x -Encoding utf8NoBOM' }
        @{ Name = '::new()'; Code = '[System.Text.StringBuilder]::new()' }
        @{ Name = '$IsWindows'; Code = 'if ($IsWindows) { 1 }' }
        @{ Name = 'a parse error'; Code = 'if ($a) { Write-Host "x"' }
    ) {
        @(Get-Windows51Problem -Text $Code).Count | Should -BeGreaterThan 0
    }

    It 'accepts what 5.1 runs' {
        @(Get-Windows51Problem -Text "[CmdletBinding()]`nparam([switch]`$Apply)`n`$x = New-Object -TypeName 'System.Text.StringBuilder'`nif (`$a -and `$b) { 1 } else { 2 }`n`$y | ConvertTo-Json -Depth 4 | Out-File -LiteralPath z -Encoding UTF8") | Should -BeNullOrEmpty
    }
}

Describe 'generated script <Name>' -ForEach $scripts {
    It 'parses with no error and nothing Windows PowerShell 5.1 cannot run' {
        $problems = @(Get-Windows51Problem -Path $Path)
        $problems -join [Environment]::NewLine | Should -BeNullOrEmpty
    }

    It 'is UTF-8 with a BOM and CRLF line ends only' {
        $bytes = [System.IO.File]::ReadAllBytes($Path)
        $bytes[0..2] | Should -Be @(0xEF, 0xBB, 0xBF)
        $text = [System.Text.Encoding]::UTF8.GetString($bytes, 3, $bytes.Length - 3)
        ($text -replace "`r`n", '') | Should -Not -Match "[`r`n]"
        $strict = New-Object -TypeName 'System.Text.UTF8Encoding' -ArgumentList $false, $true
        { $strict.GetString($bytes) } | Should -Not -Throw
    }
}
