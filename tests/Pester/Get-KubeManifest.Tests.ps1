BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $vweb = Get-ExamplePath 'vweb'
}

Describe 'Get-KubeManifest' {
    It 'reads a manifest into a typed object' {
        $manifest = Get-KubeManifest -Path (Join-Path $vweb 'vweb-v1.0.yaml')

        $manifest.GetType().FullName | Should -Be 'KubeRollout.Core.Manifests.ManifestObject'
        $manifest.Kind | Should -Be 'Deployment'
        $manifest.Name | Should -Be 'vweb'
        $manifest.Line | Should -Be 2 -Because 'the document starts after the file''s comment line'
        $manifest.Object.Spec.Replicas | Should -Be 2
    }

    It 'expands folders and wildcards and takes files from Get-ChildItem' {
        $fromFolder = Get-KubeManifest -Path (Join-Path $vweb 'update')
        $fromWildcard = Get-KubeManifest -Path (Join-Path $vweb 'update/vweb-v2*.yaml')
        $fromPipeline = Get-ChildItem (Join-Path $vweb 'update') -Filter 'vweb-v2*.yaml' | Get-KubeManifest

        @($fromFolder).Count | Should -BeGreaterThan @($fromWildcard).Count
        @($fromPipeline).Count | Should -Be @($fromWildcard).Count
        $fromPipeline.Kind | Sort-Object -Unique | Should -Contain 'Deployment'
    }

    It 'formats as a table with kind, name and source' {
        $text = Get-KubeManifest -Path (Join-Path $vweb 'vweb-v1.0.yaml') | Out-String

        $text | Should -Match 'Kind\s+Namespace\s+Name\s+ApiVersion\s+Source'
        $text | Should -Match 'Deployment\s+vweb\s+apps/v1\s+vweb-v1\.0\.yaml:2'
    }

    Context 'bad input' {
        BeforeAll { $folder = New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "kr-$([guid]::NewGuid())") }
        AfterAll { Remove-Item $folder -Recurse -Force }

        It 'reports a missing file with a stable id and the path as target' {
            $missing = Join-Path $folder 'missing.yaml'
            Get-KubeManifest -LiteralPath $missing -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

            $problems[0].FullyQualifiedErrorId | Should -Be 'ManifestFileNotFound,KubeRollout.Cmdlets.GetKubeManifestCommand'
            $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $problems[0].TargetObject | Should -Be $missing
        }

        It 'names file and line of YAML that does not parse' {
            $bad = Join-Path $folder 'bad.yaml'
            Set-Content $bad "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: [oops`n"
            Get-KubeManifest -Path $bad -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

            $problems[0].FullyQualifiedErrorId | Should -BeLike 'ManifestYamlInvalid,*'
            $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $problems[0].Exception.Message | Should -Match "^$([regex]::Escape($bad)):\d+ \(document 1\): the YAML does not parse"
        }

        It 'returns nothing of a file whose third document is invalid' {
            $file = Join-Path $folder 'three.yaml'
            Set-Content $file @"
apiVersion: v1
kind: ConfigMap
metadata:
  name: one
---
apiVersion: v1
kind: Secret
metadata:
  name: two
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: three
spec:
  selector:
    matchLabels:
      app: three
  template:
    metadata:
      labels:
        app: other
    spec:
      containers:
      - name: web
        image: nginx
"@
            $objects = Get-KubeManifest -Path $file -ErrorVariable problems -ErrorAction SilentlyContinue

            $objects | Should -BeNullOrEmpty
            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'ManifestInvalid,*'
            $problems[0].Exception.Message | Should -Match 'document 3'
            $problems[0].Exception.Message | Should -Match 'selector. does not match template .labels'
        }

        It 'rejects an unknown kind and a missing name' {
            $file = Join-Path $folder 'kinds.yaml'
            Set-Content $file "apiVersion: v1`nkind: Frobnicator`nmetadata:`n  name: x`n"
            $noName = Join-Path $folder 'noname.yaml'
            Set-Content $noName "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  labels: {}`n"

            Get-KubeManifest -Path $file, $noName -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

            $problems.FullyQualifiedErrorId | Should -Be @('ManifestKindUnknown,KubeRollout.Cmdlets.GetKubeManifestCommand', 'ManifestNameMissing,KubeRollout.Cmdlets.GetKubeManifestCommand')
        }
    }
}
