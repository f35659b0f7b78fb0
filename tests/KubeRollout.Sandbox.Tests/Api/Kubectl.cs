using System.Diagnostics;

namespace KubeRollout.Sandbox.Tests.Api;

/// <summary>Runs the real kubectl (KUBEROLLOUT_KUBECTL, else &lt;repo&gt;/.tools/kubectl/kubectl) against a kubeconfig.</summary>
internal sealed class Kubectl(string kubeconfig, string workDirectory)
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static string Path
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("KUBEROLLOUT_KUBECTL");
            if (!string.IsNullOrEmpty(configured))
            {
                return File.Exists(configured) ? configured : throw new FileNotFoundException($"KUBEROLLOUT_KUBECTL points to '{configured}', which does not exist.");
            }

            var repository = new DirectoryInfo(AppContext.BaseDirectory);
            while (repository is not null && !File.Exists(System.IO.Path.Combine(repository.FullName, "KubeRollout.sln")))
            {
                repository = repository.Parent;
            }

            var candidate = repository is null ? null : System.IO.Path.Combine(repository.FullName, ".tools", "kubectl", OperatingSystem.IsWindows() ? "kubectl.exe" : "kubectl");
            return candidate is not null && File.Exists(candidate)
                ? candidate
                : throw new FileNotFoundException(
                    "kubectl 1.35 was not found: set KUBEROLLOUT_KUBECTL to its path or install it at <repo>/.tools/kubectl/kubectl.");
        }
    }

    public async Task<Result> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep kubectl's discovery cache and any user configuration out of the test.
        start.Environment["KUBECACHEDIR"] = System.IO.Path.Combine(workDirectory, "kubectl-cache");
        start.Environment["HOME"] = workDirectory;
        start.Environment.Remove("KUBECONFIG");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
