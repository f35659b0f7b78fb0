# Times commands over repeated runs and sums each up as a median and a spread (fastest to slowest run), so that one
# slow run on a loaded machine does not decide a comparison.

# Times each script block over $WarmUp untimed and $Repeat timed runs, the blocks taking turns within each run (in
# reverse order every other run, so that a change in the machine's load falls on all of them); $Before runs untimed
# before each block. Returns one timing per block, in the order given.
function Measure-Interleaved {
    param(
        [Parameter(Mandatory)] [scriptblock[]] $ScriptBlock,
        [int] $Repeat = 7,
        [int] $WarmUp = 1,
        [scriptblock] $Before
    )
    $times = @(foreach ($block in $ScriptBlock) { , [Collections.Generic.List[double]]::new() })
    for ($run = 0; $run -lt $WarmUp + $Repeat; $run++) {
        $order = if ($run % 2) { ($ScriptBlock.Count - 1)..0 } else { 0..($ScriptBlock.Count - 1) }
        foreach ($index in $order) {
            if ($Before) { $null = & $Before }
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $null = & $ScriptBlock[$index]
            if ($run -ge $WarmUp) { $times[$index].Add($watch.Elapsed.TotalMilliseconds) }
        }
    }
    foreach ($list in $times) { ConvertTo-Timing $list.ToArray() }
}

# What $Timing's runs took beyond $Baseline's, run by run (both measured by one Measure-Interleaved).
function Get-TimingDifference($Timing, $Baseline) {
    ConvertTo-Timing @(for ($run = 0; $run -lt $Timing.Times.Count; $run++) { $Timing.Times[$run] - $Baseline.Times[$run] })
}

# Median, fastest and slowest of run times in milliseconds (Times keeps them in run order).
function ConvertTo-Timing([double[]] $Milliseconds) {
    $sorted = @($Milliseconds | Sort-Object)
    $middle = [int][Math]::Floor($sorted.Count / 2)
    $median = if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
    [pscustomobject]@{ Median = $median; Fastest = $sorted[0]; Slowest = $sorted[-1]; Runs = $sorted.Count; Times = $Milliseconds }
}

# "24 ms (21–30)": the median, then the fastest and the slowest run, all three in the median's unit.
function Format-Timing($Timing) {
    $unit = Get-TimeUnit $Timing.Median
    "$(& $unit.Format $Timing.Median) $($unit.Name) ($(& $unit.Format $Timing.Fastest)–$(& $unit.Format $Timing.Slowest))"
}

# A duration in the unit that suits it: "24 ms", "4.31 s".
function Format-Milliseconds([double] $Milliseconds) {
    $unit = Get-TimeUnit $Milliseconds
    "$(& $unit.Format $Milliseconds) $($unit.Name)"
}

# Seconds from one second on, else milliseconds (with a decimal below 10 ms).
function Get-TimeUnit([double] $Milliseconds) {
    $culture = [Globalization.CultureInfo]::InvariantCulture
    if ($Milliseconds -ge 1000) { return @{ Name = 's'; Format = { param($ms) ($ms / 1000).ToString('0.00', $culture) }.GetNewClosure() } }
    $pattern = if ($Milliseconds -ge 10) { '0' } else { '0.0' }
    @{ Name = 'ms'; Format = { param($ms) $ms.ToString($pattern, $culture) }.GetNewClosure() }
}

# The first median as a multiple of the second: "0.33×".
function Format-Ratio($Timing, $Baseline) {
    ($Timing.Median / $Baseline.Median).ToString('0.00', [Globalization.CultureInfo]::InvariantCulture) + '×'
}

Export-ModuleMember -Function Measure-Interleaved, Get-TimingDifference, ConvertTo-Timing, Format-Timing, Format-Milliseconds, Format-Ratio
