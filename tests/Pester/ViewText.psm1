# Builds, from objects, the text that a table or list view must render, laid out as PowerShell lays out views:
# so that a test can compare what Format-Table/Format-List print at a given width with what they should print.
# Lines are compared without trailing spaces; leading and trailing blank lines are not part of the text.

# Greedy word wrap: as many words per line as fit, a word longer than the width cut into pieces of the width.
function Split-Words([string] $Text, [int] $Width) {
    $lines = [System.Collections.Generic.List[string]]::new()
    $line = ''
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        if ($line -and $line.Length + 1 + $word.Length -le $Width) { $line += " $word"; continue }
        if ($line) { $lines.Add($line); $line = '' }
        while ($word.Length -gt $Width) { $lines.Add($word.Substring(0, $Width)); $word = $word.Substring($Width) }
        $line = $word
    }
    if ($line -or $lines.Count -eq 0) { $lines.Add($line) }
    $lines
}

# An image reference broken into lines of at most Width characters, each ending after a "/" of the path where
# one fits, else cut at the width.
function Split-ImageReference([string] $Text, [int] $Width) {
    while ($Text.Length -gt $Width) {
        $slash = $Text.LastIndexOf('/', $Width - 1)
        $cut = if ($slash -ge 0) { $slash + 1 } else { $Width }
        $Text.Substring(0, $cut)
        $Text = $Text.Substring($cut)
    }
    $Text
}

# What PowerShell does with a cell or value wider than its column: lines cut every Width characters.
function Split-Chunks([string] $Text, [int] $Width) {
    foreach ($line in $Text -split "`n") {
        if ($line.Length -eq 0) { ''; continue }
        for ($i = 0; $i -lt $line.Length; $i += $Width) { $line.Substring($i, [Math]::Min($Width, $line.Length - $i)) }
    }
}

function Format-Cell([string] $Text, [int] $Width, [bool] $Right) {
    if ($Right) { $Text.PadLeft($Width) } else { $Text.PadRight($Width) }
}

# A table view's text. Columns: @{ Label; Width ($null for the last, which takes the rest); Right; Value = { $_ -> text } }.
# Groups: @{ Label; Value; Items }, one per group in order.
function Get-ExpectedTable {
    param([object[]] $Columns, [object[]] $Groups, [int] $Width = 120)
    $fixed = ($Columns | Where-Object Width | Measure-Object Width -Sum).Sum
    $widths = foreach ($column in $Columns) { if ($column.Width) { $column.Width } else { $Width - $fixed - ($Columns.Count - 1) } }
    $lines = [System.Collections.Generic.List[string]]::new()
    foreach ($group in $Groups) {
        if ($lines.Count) { $lines.Add('') }
        $lines.Add("   $($group.Label): $($group.Value)")
        $lines.Add('')
        $lines.Add(((0..($Columns.Count - 1) | ForEach-Object { Format-Cell $Columns[$_].Label $widths[$_] ([bool]$Columns[$_].Right) }) -join ' ').TrimEnd())
        $lines.Add(((0..($Columns.Count - 1) | ForEach-Object { Format-Cell ('-' * $Columns[$_].Label.Length) $widths[$_] ([bool]$Columns[$_].Right) }) -join ' ').TrimEnd())
        foreach ($item in $group.Items) {
            $cells = for ($i = 0; $i -lt $Columns.Count; $i++) { , @(Split-Chunks ([string]($item | ForEach-Object $Columns[$i].Value)) $widths[$i]) }
            $height = ($cells | ForEach-Object { $_.Count } | Measure-Object -Maximum).Maximum
            for ($row = 0; $row -lt $height; $row++) {
                $lines.Add(((0..($Columns.Count - 1) | ForEach-Object {
                    $text = if ($row -lt $cells[$_].Count) { $cells[$_][$row] } else { '' }
                    Format-Cell $text $widths[$_] ([bool]$Columns[$_].Right)
                }) -join ' ').TrimEnd())
            }
        }
    }
    $lines
}

# A list view's text: per object, "Label : value" with labels padded to the longest, values of several lines (or
# wider than the rest of the line) continued under the first.
function Get-ExpectedList {
    param([object[]] $Items, [object[]] $Entries, [int] $Width = 120)
    $labelWidth = ($Entries.Label | Measure-Object Length -Maximum).Maximum
    $indent = ' ' * ($labelWidth + 3)
    $lines = [System.Collections.Generic.List[string]]::new()
    foreach ($item in $Items) {
        if ($lines.Count) { $lines.Add('') }
        foreach ($entry in $Entries) {
            $value = @(Split-Chunks ([string]($item | ForEach-Object $entry.Value)) ($Width - $indent.Length))
            $lines.Add(("{0} : {1}" -f $entry.Label.PadRight($labelWidth), $value[0]).TrimEnd())
            $value | Select-Object -Skip 1 | ForEach-Object { $lines.Add(("$indent$_").TrimEnd()) }
        }
    }
    $lines
}

# Groups as a view's GroupBy makes them: a new group each time the key changes (Group-Object would sort them).
function Group-Consecutive([object[]] $Items, [scriptblock] $Key) {
    $groups = [System.Collections.Generic.List[object]]::new()
    foreach ($item in $Items) {
        $value = $item | ForEach-Object $Key
        if ($groups.Count -eq 0 -or $groups[-1].Value -ne $value) { $groups.Add([pscustomobject]@{ Value = $value; Items = [System.Collections.Generic.List[object]]::new() }) }
        $groups[-1].Items.Add($item)
    }
    $groups
}

# What a view printed, as lines without trailing spaces and without leading or trailing blank lines.
function ConvertTo-ViewLines([string] $Text) {
    $lines = @($Text -split '\r?\n' | ForEach-Object TrimEnd)
    $first = 0; while ($first -lt $lines.Count -and -not $lines[$first]) { $first++ }
    $last = $lines.Count - 1; while ($last -ge $first -and -not $lines[$last]) { $last-- }
    if ($first -le $last) { $lines[$first..$last] } else { @() }
}

Export-ModuleMember -Function Split-Words, Split-ImageReference, Get-ExpectedTable, Get-ExpectedList, Group-Consecutive, ConvertTo-ViewLines
