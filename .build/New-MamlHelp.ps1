# Generates the MAML help of every cmdlet from en-US/cmdlets/<Cmdlet>.help.psd1 (the prose) and the compiled
# cmdlets (syntax, parameter types, positions, pipeline input), so that help can never drift from the code.
# Fails when a cmdlet has no help source, a parameter has no description or fewer than two examples exist.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $SourcePath,
    [Parameter(Mandatory)] [string] $OutputPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$module = Import-Module $ModulePath -PassThru
$commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
$standardDescriptions = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run and nothing is changed.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

$problems = [System.Collections.Generic.List[string]]::new()
$sharedFile = Join-Path $SourcePath '_SharedParameters.psd1'
$shared = if (Test-Path $sharedFile) { Import-PowerShellDataFile $sharedFile } else { @{} }
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$writer = [System.Xml.XmlWriter]::Create($OutputPath, $settings)

# Paragraphs are separated by blank lines; a line that starts with "- " starts a list item, which is a paragraph of
# its own (MAML has no list element that Get-Help renders), so that lists read as lists.
function Write-Para([string] $Text) {
    foreach ($paragraph in ($Text.Trim() -split '\r?\n\s*\r?\n')) {
        $items = [System.Collections.Generic.List[string]]::new()
        foreach ($line in $paragraph -split '\r?\n' | ForEach-Object Trim) {
            if ($line.StartsWith('- ') -or $items.Count -eq 0) { $items.Add($line) } else { $items[$items.Count - 1] += " $line" }
        }
        foreach ($item in $items) { $writer.WriteElementString('para', $ns.maml, $item) }
    }
}

# The type Get-Command shows, with a Nullable<T> shown as T (help says what to type, not how the cmdlet stores it).
function Get-ShownType([type] $Type) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $underlying } else { $Type }
}

function Write-Description([string] $Prefix, [string] $Text) {
    $writer.WriteStartElement($Prefix, 'description', $ns.$Prefix)
    Write-Para $Text
    $writer.WriteEndElement()
}

function Get-PipelineInput($Parameter) {
    $kinds = @()
    foreach ($set in $Parameter.ParameterSets.Values) {
        if ($set.ValueFromPipeline) { $kinds += 'ByValue' }
        if ($set.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    }
    $kinds = @($kinds | Select-Object -Unique)
    if ($kinds.Count) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Write-Parameter($Parameter, $SetMetadata, [string] $Description) {
    $position = if ($SetMetadata -and $SetMetadata.Position -ge 0) { $SetMetadata.Position } else { 'named' }
    $required = if ($SetMetadata) { $SetMetadata.IsMandatory } else { @($Parameter.ParameterSets.Values | Where-Object IsMandatory).Count -gt 0 }
    $globbing = [bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $writer.WriteStartElement('command', 'parameter', $ns.command)
    $writer.WriteAttributeString('required', "$required".ToLowerInvariant())
    $writer.WriteAttributeString('variableLength', "$($Parameter.ParameterType.IsArray)".ToLowerInvariant())
    $writer.WriteAttributeString('globbing', "$globbing".ToLowerInvariant())
    $writer.WriteAttributeString('pipelineInput', (Get-PipelineInput $Parameter))
    $writer.WriteAttributeString('position', "$position")
    $writer.WriteAttributeString('aliases', $(if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }))
    $writer.WriteElementString('name', $ns.maml, $Parameter.Name)
    Write-Description 'maml' $Description
    $shownType = Get-ShownType $Parameter.ParameterType
    if ($Parameter.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
        $writer.WriteStartElement('command', 'parameterValue', $ns.command)
        $writer.WriteAttributeString('required', 'true')
        $writer.WriteAttributeString('variableLength', "$($Parameter.ParameterType.IsArray)".ToLowerInvariant())
        $writer.WriteString($shownType.Name)
        $writer.WriteEndElement()
    }
    $writer.WriteStartElement('dev', 'type', $ns.dev)
    $writer.WriteElementString('name', $ns.maml, $shownType.FullName)
    $writer.WriteEndElement()
    $writer.WriteElementString('defaultValue', $ns.dev, 'None')
    $writer.WriteEndElement()
}

function Write-TypeList([string] $ListElement, [string] $ItemElement, $Items) {
    $writer.WriteStartElement('command', $ListElement, $ns.command)
    foreach ($item in $Items) {
        $writer.WriteStartElement('command', $ItemElement, $ns.command)
        $writer.WriteStartElement('dev', 'type', $ns.dev)
        $writer.WriteElementString('name', $ns.maml, $item.Type)
        $writer.WriteEndElement()
        Write-Description 'maml' $item.Description
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
}

$writer.WriteStartDocument()
$writer.WriteStartElement('helpItems', 'http://msh')
$writer.WriteAttributeString('schema', 'maml')

foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name) {
    $sourceFile = Join-Path $SourcePath "$($command.Name).help.psd1"
    if (-not (Test-Path $sourceFile)) { $problems.Add("$($command.Name): no help source at $sourceFile"); continue }
    $source = Import-PowerShellDataFile $sourceFile
    foreach ($key in 'Synopsis', 'Description', 'Examples', 'Outputs') {
        if (-not $source.ContainsKey($key) -or -not $source[$key]) { $problems.Add("$($command.Name): help source has no $key") }
    }
    if (@($source.Examples).Count -lt 2) { $problems.Add("$($command.Name): fewer than two examples") }
    $parameters = @($command.Parameters.Values | Where-Object { $_.Name -notin $commonParameters -or $_.Name -in 'WhatIf', 'Confirm' })
    $descriptions = @{}
    foreach ($parameter in $parameters) {
        $own = if ($source.ContainsKey('Parameters')) { $source.Parameters } else { @{} }
        $text = if ($own.ContainsKey($parameter.Name)) { $own[$parameter.Name] }
                elseif ($shared.ContainsKey($parameter.Name)) { $shared[$parameter.Name] }
                else { $standardDescriptions[$parameter.Name] }
        if (-not $text) { $problems.Add("$($command.Name): parameter $($parameter.Name) has no description") }
        $descriptions[$parameter.Name] = "$text"
    }
    foreach ($documented in @(if ($source.ContainsKey('Parameters')) { $source.Parameters.Keys })) {
        if ($documented -notin $parameters.Name) { $problems.Add("$($command.Name): help documents a parameter $documented that does not exist") }
    }

    $writer.WriteStartElement('command', 'command', $ns.command)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $ns.maml)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $ns.dev)
    $writer.WriteStartElement('command', 'details', $ns.command)
    $writer.WriteElementString('name', $ns.command, $command.Name)
    $writer.WriteElementString('verb', $ns.command, $command.Verb)
    $writer.WriteElementString('noun', $ns.command, $command.Noun)
    Write-Description 'maml' "$($source.Synopsis)"
    $writer.WriteEndElement()
    Write-Description 'maml' "$($source.Description)"

    $writer.WriteStartElement('command', 'syntax', $ns.command)
    foreach ($set in $command.ParameterSets) {
        $writer.WriteStartElement('command', 'syntaxItem', $ns.command)
        $writer.WriteElementString('name', $ns.maml, $command.Name)
        foreach ($setParameter in $set.Parameters | Where-Object { $_.Name -in $parameters.Name }) {
            $parameter = $command.Parameters[$setParameter.Name]
            # A parameter declared for every set is listed under __AllParameterSets, not under the set's name.
            $setMetadata = if ($parameter.ParameterSets.ContainsKey($set.Name)) { $parameter.ParameterSets[$set.Name] } else { $parameter.ParameterSets['__AllParameterSets'] }
            Write-Parameter $parameter $setMetadata $descriptions[$parameter.Name]
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'parameters', $ns.command)
    foreach ($parameter in $parameters | Sort-Object Name) {
        $positioned = $parameter.ParameterSets.Values | Where-Object Position -ge 0 | Select-Object -First 1
        Write-Parameter $parameter $positioned $descriptions[$parameter.Name]
    }
    $writer.WriteEndElement()

    Write-TypeList 'inputTypes' 'inputType' @($source.Inputs)
    Write-TypeList 'returnValues' 'returnValue' @($source.Outputs)

    if ($source.ContainsKey('Notes') -and $source.Notes) {
        $writer.WriteStartElement('maml', 'alertSet', $ns.maml)
        $writer.WriteStartElement('maml', 'alert', $ns.maml)
        Write-Para $source.Notes
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }

    $writer.WriteStartElement('command', 'examples', $ns.command)
    $number = 0
    foreach ($example in $source.Examples) {
        $number++
        $writer.WriteStartElement('command', 'example', $ns.command)
        $writer.WriteElementString('title', $ns.maml, "-------------------------- Example ${number}: $($example.Title) --------------------------")
        $writer.WriteElementString('code', $ns.dev, $example.Code.Trim())
        $writer.WriteStartElement('dev', 'remarks', $ns.dev)
        Write-Para $example.Remarks
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'relatedLinks', $ns.command)
    foreach ($link in @($source.Links)) {
        $writer.WriteStartElement('maml', 'navigationLink', $ns.maml)
        $writer.WriteElementString('linkText', $ns.maml, $link)
        $writer.WriteElementString('uri', $ns.maml, '')
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $writer.WriteEndElement()
}

$writer.WriteEndElement()
$writer.WriteEndDocument()
$writer.Dispose()

if ($problems.Count) {
    Remove-Item $OutputPath -Force
    throw "Help is incomplete:`n  $($problems -join "`n  ")"
}
