# What Windows PowerShell 5.1 cannot run, found on the AST that PowerShell 7's own parser builds (5.1 itself
# is not available on the project's machines: toolchain.md). The generated scripts say #Requires -Version 3.0,
# so what arrived after 3.0 and is easy to avoid (::new(), classes, using) is refused too.
# The list is documented in DEVELOPERS.md "PowerShell tests"; add to both.

$script:Ps7OnlyCommands = @(
    'Get-Error', 'Test-Json', 'ConvertFrom-Markdown', 'Show-Markdown', 'Get-MarkdownOption', 'Set-MarkdownOption',
    'Join-String', 'Get-Uptime', 'Remove-Alias', 'Remove-Service', 'Get-ExperimentalFeature', 'Enable-ExperimentalFeature',
    'Disable-ExperimentalFeature', 'ConvertTo-CliXml', 'ConvertFrom-CliXml', 'Get-SecureRandom', 'Get-PSSubsystem'
)

# Parameters that exist only in PowerShell 6/7, by cmdlet (a prefix of the name is matched, as the binder does).
$script:Ps7OnlyParameters = @{
    'ForEach-Object'   = @('Parallel', 'ThrottleLimit', 'TimeoutSeconds', 'AsJob', 'UseNewRunspace')
    'ConvertFrom-Json' = @('AsHashtable', 'Depth', 'NoEnumerate', 'DateKind')
    'ConvertTo-Json'   = @('EnumsAsStrings', 'AsArray', 'EscapeHandling')
    'Get-Content'      = @('AsByteStream')
    'Set-Content'      = @('AsByteStream')
    'Add-Content'      = @('AsByteStream')
    'Invoke-WebRequest' = @('SkipCertificateCheck', 'SslProtocol', 'Authentication', 'Token', 'ResponseHeadersVariable', 'StatusCodeVariable', 'SkipHeaderValidation', 'SkipHttpErrorCheck', 'MaximumRetryCount', 'RetryIntervalSec', 'Resume', 'Form', 'NoProxy', 'HttpVersion', 'AllowInsecureRedirect')
    'Invoke-RestMethod' = @('SkipCertificateCheck', 'SslProtocol', 'Authentication', 'Token', 'ResponseHeadersVariable', 'StatusCodeVariable', 'SkipHeaderValidation', 'SkipHttpErrorCheck', 'MaximumRetryCount', 'RetryIntervalSec', 'Resume', 'Form', 'NoProxy', 'HttpVersion', 'FollowRelLink', 'MaximumFollowRelLink', 'AllowInsecureRedirect')
    'Split-Path'       = @('Extension', 'LeafBase')
    'Join-Path'        = @('AdditionalChildPath')
    'Sort-Object'      = @('Top', 'Bottom', 'Stable')
    'Get-Date'         = @('AsUTC', 'UnixTimeSeconds')
    'Select-String'    = @('Raw', 'NoEmphasis', 'Culture')
    'Where-Object'     = @('Not')
    'Export-Csv'       = @('UseQuotes', 'QuoteFields', 'IncludeTypeInformation')
    'ConvertTo-Csv'    = @('UseQuotes', 'QuoteFields', 'IncludeTypeInformation')
    'Test-Connection'  = @('TargetName', 'Ping', 'Traceroute', 'MtuSize', 'TcpPort', 'Repeat', 'IPv4', 'IPv6', 'ResolveDestination')
    'Start-Process'    = @('Environment')
    'Get-Command'      = @('UseFuzzyMatching', 'UseAbbreviationExpansion')
}

# -Encoding values that Windows PowerShell 5.1 does not know (it has UTF8 with a BOM, Unicode, ASCII …).
$script:Ps7OnlyEncodings = @('utf8BOM', 'utf8NoBOM', 'ansi')

$script:Ps7OnlyVariables = @('IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR', 'PSStyle', 'EnabledExperimentalFeatures')

$script:Aliases = @{ '%' = 'ForEach-Object'; 'foreach' = 'ForEach-Object'; '?' = 'Where-Object'; 'where' = 'Where-Object'; 'gc' = 'Get-Content'; 'sc' = 'Set-Content'; 'sort' = 'Sort-Object'; 'sls' = 'Select-String'; 'gci' = 'Get-ChildItem'; 'ls' = 'Get-ChildItem'; 'dir' = 'Get-ChildItem'; 'iwr' = 'Invoke-WebRequest'; 'irm' = 'Invoke-RestMethod' }

function Get-Windows51Problem {
    <#
    .SYNOPSIS
    Parse errors and every construct Windows PowerShell 5.1 cannot run, one string per problem with its line.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Path')]
    param(
        [Parameter(Mandatory = $true, ParameterSetName = 'Path')][string]$Path,
        [Parameter(Mandatory = $true, ParameterSetName = 'Text')][string]$Text
    )
    $tokens = $null
    $errors = $null
    if ($PSCmdlet.ParameterSetName -eq 'Path') {
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
    } else {
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Text, [ref]$tokens, [ref]$errors)
    }
    $problems = [System.Collections.Generic.List[string]]::new()
    foreach ($e in $errors) { $problems.Add(('parse error at line {0}: {1} ({2})' -f $e.Extent.StartLineNumber, $e.Message, $e.ErrorId)) }
    $line = { param($node) $node.Extent.StartLineNumber }

    foreach ($t in $tokens) {
        if ($t.Kind -in @('QuestionQuestion', 'QuestionQuestionEquals', 'QuestionDot', 'QuestionLBracket', 'AndAnd', 'OrOr')) {
            $problems.Add(('line {0}: operator {1} ({2}) is PowerShell 7 only' -f $t.Extent.StartLineNumber, $t.Text, $t.Kind))
        }
    }
    $all = $ast.FindAll({ $true }, $true)
    foreach ($node in $all) {
        $type = $node.GetType().Name
        switch ($type) {
            'TernaryExpressionAst' { $problems.Add(('line {0}: ternary ? : is PowerShell 7 only' -f (& $line $node))) }
            'PipelineChainAst' { $problems.Add(('line {0}: pipeline chain && / || is PowerShell 7 only' -f (& $line $node))) }
            'TypeDefinitionAst' { $problems.Add(('line {0}: class/enum needs PowerShell 5.0; the scripts target 3.0' -f (& $line $node))) }
            'UsingStatementAst' { $problems.Add(('line {0}: using needs PowerShell 5.0; the scripts target 3.0' -f (& $line $node))) }
            'BinaryExpressionAst' {
                if ([string]$node.Operator -eq 'QuestionQuestion') { $problems.Add(('line {0}: ?? is PowerShell 7 only' -f (& $line $node))) }
            }
            'ScriptBlockAst' {
                if ($node.PSObject.Properties['CleanBlock'] -and $node.CleanBlock) { $problems.Add(('line {0}: clean {{}} block is PowerShell 7.3+ only' -f (& $line $node))) }
            }
            'InvokeMemberExpressionAst' {
                if ($node.Static -and [string]$node.Member -eq 'new') { $problems.Add(('line {0}: ::new() needs PowerShell 5.0; use New-Object' -f (& $line $node))) }
                if ($node.PSObject.Properties['NullConditional'] -and $node.NullConditional) { $problems.Add(('line {0}: ?. is PowerShell 7 only' -f (& $line $node))) }
            }
            'MemberExpressionAst' {
                if ($node.PSObject.Properties['NullConditional'] -and $node.NullConditional) { $problems.Add(('line {0}: ?. is PowerShell 7 only' -f (& $line $node))) }
            }
            'IndexExpressionAst' {
                if ($node.PSObject.Properties['NullConditional'] -and $node.NullConditional) { $problems.Add(('line {0}: ?[] is PowerShell 7 only' -f (& $line $node))) }
            }
            'VariableExpressionAst' {
                if ($script:Ps7OnlyVariables -contains $node.VariablePath.UserPath) { $problems.Add(('line {0}: ${1} does not exist in Windows PowerShell 5.1' -f (& $line $node), $node.VariablePath.UserPath)) }
            }
            'CommandAst' {
                $name = $node.GetCommandName()
                if (-not $name) { break }
                if ($script:Aliases.ContainsKey($name)) { $name = $script:Aliases[$name] }
                if ($script:Ps7OnlyCommands -contains $name) { $problems.Add(('line {0}: {1} is PowerShell 7 only' -f (& $line $node), $name)) }
                $params = @($node.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] })
                $known = $script:Ps7OnlyParameters[$name]
                foreach ($p in $params) {
                    if ($known) {
                        foreach ($k in $known) {
                            if ($k.StartsWith($p.ParameterName, [System.StringComparison]::OrdinalIgnoreCase) -and $p.ParameterName.Length -ge [Math]::Min(3, $k.Length)) {
                                $problems.Add(('line {0}: {1} -{2} is PowerShell 7 only' -f (& $line $node), $name, $k))
                            }
                        }
                    }
                    if ($p.ParameterName -eq 'Encoding') {
                        $i = [array]::IndexOf($node.CommandElements, $p)
                        $value = if ($p.Argument) { $p.Argument } elseif ($i -ge 0 -and $i + 1 -lt $node.CommandElements.Count) { $node.CommandElements[$i + 1] } else { $null }
                        if ($value -and ($script:Ps7OnlyEncodings -contains ([string]$value.Extent.Text).Trim("'", '"'))) {
                            $problems.Add(('line {0}: -Encoding {1} does not exist in Windows PowerShell 5.1' -f (& $line $node), $value.Extent.Text))
                        }
                    }
                }
            }
        }
    }
    return $problems.ToArray()
}

Export-ModuleMember -Function Get-Windows51Problem
