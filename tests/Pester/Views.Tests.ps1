# The format views as a user sees them in a 120-column terminal: the grouped history table, the revision detail view
# (kubectl rollout history --revision), and the status table. Each rendering is compared with the text the test
# builds from the same objects (ViewText.psm1), and the revision description with what kubectl prints.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'TestCluster.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ViewText.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $cluster = New-TestCluster -TimeScale 40
    $PSDefaultParameterValues = @{ '*-Kube*:KubeConfig' = $cluster.KubeConfig }
    $apps = New-TestNamespace -Cluster $cluster -Prefix views
    $other = New-TestNamespace -Cluster $cluster -Prefix views-other
    $PSDefaultParameterValues['*-Kube*:Namespace'] = $apps

    # A change cause longer than its column, with a word (a path) longer than the column as well.
    $longCause = 'Invoke-KubeRollout -Path /home/operator/releases/2026-12/vweb/manifests/vweb-v2.0-with-sidecar.yaml -ChangeCause after the incident review, with the sidecar that ships the access log'
    $vweb = Get-ExamplePath 'vweb'
    Invoke-KubeRollout (Join-Path $vweb 'vweb-v1.0.yaml') -Wait -Timeout 60s | Out-Null
    Invoke-KubeRollout (Join-Path $vweb 'update/vweb-v1.1.yaml') -Wait -Timeout 60s | Out-Null
    $sidecar = (Get-Content (Join-Path $vweb 'update/vweb-v2.0.yaml') -Raw) -replace '(?m)^(\s+)containers:\s*$', "`$1containers:`n`$1  - name: log-shipper`n`$1    image: registry.example.com/observability/log-shipper:3.4.1`n"
    Invoke-KubeRollout (New-ManifestFile $sidecar -Name 'vweb.yaml') -ChangeCause $longCause -Wait -Timeout 60s | Out-Null
    Get-ChildItem (Get-ExamplePath 'todo-db') -Filter *.yaml | ForEach-Object { Invoke-KubeRollout $_.FullName | Out-Null }
    Get-ChildItem (Get-ExamplePath 'todo-proxy') -Filter *.yaml | ForEach-Object { Invoke-KubeRollout $_.FullName | Out-Null }
    Invoke-KubeRollout (Join-Path $vweb 'vweb-v1.0.yaml') -Namespace $other | Out-Null
    'sts/todo-db', 'ds/todo-proxy' | Wait-KubeRollout -Timeout 120s | Out-Null
    Wait-KubeRollout vweb -Namespace $other -Timeout 60s | Out-Null

    # The history table's columns, as the view defines them (widths, alignment, what each shows).
    $historyColumns = @(
        @{ Label = 'Revision'; Width = 8; Right = $true; Value = { $_.Revision } }
        @{ Label = 'Current'; Width = 7; Value = { if ($_.IsCurrent) { '*' } } }
        @{ Label = 'Created'; Width = 16; Value = { $_.Created.ToLocalTime().ToString('yyyy-MM-dd HH:mm') } }
        @{ Label = 'Source'; Width = 22; Value = { $_.Source } }
        @{ Label = 'Images'; Width = 24; Value = { ($_.Images | ForEach-Object { Split-ImageReference $_ 24 }) -join "`n" } }
        @{ Label = 'ChangeCause'; Value = { (Split-Words $(if ($null -ne $_.ChangeCause) { $_.ChangeCause } else { '<none>' }) 38) -join "`n" } }
    )
    function Get-HistoryGroups($Revisions) {
        Group-Consecutive $Revisions { "$($_.Kind.ToString().ToLowerInvariant()).apps/$($_.Name) in namespace $($_.Namespace)" } |
            ForEach-Object { @{ Label = 'Workload'; Value = $_.Value; Items = $_.Items } }
    }

    # kubectl's description without its title line, compared line by line without the alignment (kubectl prints
    # tabs, the view aligns them as kubectl describe does).
    function ConvertTo-Words([string] $Text) {
        @($Text -split '\r?\n' | ForEach-Object { ($_.Trim() -replace '\s+', ' ') } | Where-Object { $_ })
    }
}

AfterAll {
    Remove-TestCluster $cluster
}

Describe 'The history views' {
    It 'groups the revisions of several workloads by workload in a table that fits 120 columns' {
        $revisions = @(Get-KubeRolloutHistory)

        $rendered = ConvertTo-ViewLines ($revisions | Format-Table | Out-String -Width 120)

        @($revisions.Name | Select-Object -Unique) | Should -Be @('vweb', 'todo-db', 'todo-proxy')
        $expected = Get-ExpectedTable -Columns $historyColumns -Groups @(Get-HistoryGroups $revisions)
        $rendered | Should -Be $expected
        $rendered | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
        $rendered -join "`n" | Should -Match 'log-shipper:3\.4\.1' -Because 'every image of a revision is shown'
    }

    It 'shows a long change cause whole, wrapped at word boundaries' {
        $rendered = @(ConvertTo-ViewLines (Get-KubeRolloutHistory vweb | Out-String -Width 120))

        $causeColumn = $rendered[2].IndexOf('ChangeCause')
        $start = [array]::FindIndex($rendered, [Predicate[string]] { param($line) $line -match '^\s+3 ' })
        $row = @($rendered[$start]) + @($rendered | Select-Object -Skip ($start + 1) | Where-Object { $_ -match '^\s{8} ' })
        $cause = $row | Where-Object { $_.Length -gt $causeColumn } | ForEach-Object { $_.Substring($causeColumn) }
        ($cause -join '') -replace '\s' | Should -Be ($longCause -replace '\s') -Because 'nothing of the cause is cut'
        $cause | Should -Be @(Split-Words $longCause 38)
        $cause | ForEach-Object { $_.Length | Should -BeLessOrEqual 38 }
    }

    It 'groups the histories of names piped in, whatever their kinds' {
        $revisions = @('vweb', 'sts/todo-db', 'ds/todo-proxy' | Get-KubeRolloutHistory)

        $rendered = ConvertTo-ViewLines ($revisions | Out-String -Width 120)

        $rendered | Should -Be (Get-ExpectedTable -Columns $historyColumns -Groups @(Get-HistoryGroups $revisions))
        ($rendered | Where-Object { $_ -like '   Workload: *' }) | Should -Be @(
            "   Workload: deployment.apps/vweb in namespace $apps"
            "   Workload: statefulset.apps/todo-db in namespace $apps"
            "   Workload: daemonset.apps/todo-proxy in namespace $apps")
    }

    It 'shows one revision (-Revision) in the detail view, and Format-List shows any revision so' {
        $revision = Get-KubeRolloutHistory vweb -Revision 3
        $entries = @(
            @{ Label = 'Workload'; Value = { 'deployment.apps/vweb' } }
            @{ Label = 'Namespace'; Value = { $_.Namespace } }
            @{ Label = 'Revision'; Value = { $_.Revision } }
            @{ Label = 'IsCurrent'; Value = { $_.IsCurrent } }
            @{ Label = 'ChangeCause'; Value = { $_.ChangeCause } }
            @{ Label = 'Created'; Value = { $_.Created.ToString() } }
            @{ Label = 'Source'; Value = { $_.Source } }
            @{ Label = 'PreviousRevisions'; Value = { $_.PreviousRevisions -join ', ' } }
            @{ Label = 'Replicas'; Value = { $_.Replicas } }
            @{ Label = 'Images'; Value = { $_.Images -join "`n" } }
            @{ Label = 'ConfigMaps'; Value = { $_.ConfigMaps -join "`n" } }
            @{ Label = 'Secrets'; Value = { $_.Secrets -join "`n" } }
            @{ Label = 'PodTemplate'; Value = { $_.DescribePodTemplate() } }
        )

        $default = ConvertTo-ViewLines ($revision | Out-String -Width 120)
        $list = ConvertTo-ViewLines (Get-KubeRolloutHistory vweb | Where-Object Revision -eq 3 | Format-List | Out-String -Width 120)

        $expected = Get-ExpectedList -Items @($revision) -Entries $entries
        $default | Should -Be $expected
        $list | Should -Be $expected
        ($default -join "`n") | Should -Match 'Image:\s+registry\.example\.com/observability/log-shipper:3\.4\.1'
        ($revision | Format-Table | Out-String -Width 120) | Should -Match 'Revision Current Created' -Because 'Format-Table still shows the table'
    }

    It 'describes a revision as kubectl rollout history --revision does, for <Workload>' -ForEach @(
        @{ Workload = 'deploy/vweb'; Revision = 3 }
        @{ Workload = 'deploy/vweb'; Revision = 1 }
        @{ Workload = 'sts/todo-db'; Revision = 1 }
        @{ Workload = 'ds/todo-proxy'; Revision = 1 }
    ) {
        $kubectl = Invoke-Kubectl -Cluster $cluster -n $apps rollout history $Workload --revision $Revision
        $kubectl.ExitCode | Should -Be 0

        $description = (Get-KubeRolloutHistory $Workload -Revision $Revision).DescribePodTemplate()

        $kubectlLines = ConvertTo-Words $kubectl.Output
        $kubectlLines[0] | Should -Match " with revision #$Revision$"
        $kubectlLines[1] | Should -Be 'Pod Template:'
        ConvertTo-Words $description | Should -Be ($kubectlLines | Select-Object -Skip 2)
    }
}

Describe 'The status view' {
    It 'groups by namespace, names kubectl''s columns and shows every message whole within 120 columns' {
        Invoke-KubeRollout (Get-ExamplePath 'vweb/update/vweb-v1.1.yaml') | Out-Null
        $statuses = @(Get-KubeRolloutStatus -AllNamespaces | Where-Object Namespace -in $apps, $other)

        $rendered = ConvertTo-ViewLines ($statuses | Format-Table | Out-String -Width 120)

        $columns = @(
            @{ Label = 'Workload'; Width = 24; Value = { '{0}/{1}' -f @{ Deployment = 'deploy'; StatefulSet = 'sts'; DaemonSet = 'ds' }[$_.Kind.ToString()], $_.Name } }
            @{ Label = 'State'; Width = 18; Value = { $_.State } }
            @{ Label = 'Ready'; Width = 7; Right = $true; Value = { "$($_.ReadyReplicas)/$($_.Replicas)" } }
            @{ Label = 'UpToDate'; Width = 8; Right = $true; Value = { $_.UpdatedReplicas } }
            @{ Label = 'Available'; Width = 9; Right = $true; Value = { $_.AvailableReplicas } }
            @{ Label = 'Revision'; Width = 8; Right = $true; Value = { $_.Revision } }
            @{ Label = 'Message'; Value = { (Split-Words $_.Message 40) -join "`n" } }
        )
        $groups = Group-Consecutive $statuses { $_.Namespace } | ForEach-Object { @{ Label = 'Namespace'; Value = $_.Value; Items = $_.Items } }
        $rendered | Should -Be (Get-ExpectedTable -Columns $columns -Groups @($groups))
        @($groups).Count | Should -Be 2
        $statuses.Count | Should -Be 4
        $rendered | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
    }
}
