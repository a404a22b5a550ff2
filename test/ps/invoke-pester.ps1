# Runs the Pester suite of test/ps against the packs test/ps/run.mjs wrote, and ends with the plain
# 'N passed, N failed, N skipped' line CI reads. Exit code: the number of failed tests (0 when all pass).
param(
    [Parameter(Mandatory = $true)][string]$PesterPath,
    [Parameter(Mandatory = $true)][string]$PackRoot,
    [Parameter(Mandatory = $true)][string]$WorkRoot
)
$ErrorActionPreference = 'Stop'
Import-Module -Name $PesterPath -Force
$env:RELAY_DOCTOR_PACKS = $PackRoot
$env:RELAY_DOCTOR_WORK = $WorkRoot
New-Item -ItemType Directory -Path $WorkRoot -Force | Out-Null
$config = New-PesterConfiguration
$config.Run.Path = $PSScriptRoot
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.Should.ErrorAction = 'Continue'
$result = Invoke-Pester -Configuration $config
Write-Host ''
Write-Host ('{0} passed, {1} failed, {2} skipped' -f $result.PassedCount, $result.FailedCount, ($result.SkippedCount + $result.NotRunCount))
if ($result.TotalCount -eq 0) {
    Write-Host 'test:ps: no test ran'
    exit 1
}
exit [Math]::Min($result.FailedCount, 100)
