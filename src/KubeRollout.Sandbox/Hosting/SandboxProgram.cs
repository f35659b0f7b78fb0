using KubeRollout.Sandbox.Hosting.Logging;
using KubeRollout.Sandbox.Security;
using Microsoft.Extensions.Logging;

namespace KubeRollout.Sandbox.Hosting;

/// <summary>The kuberollout-sandbox executable: parse the arguments, start, announce readiness, wait for a stop.</summary>
public static class SandboxProgram
{
    public const int UsageExitCode = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = SandboxCommandLine.Parse(args);
        if (parsed.ShowHelp)
        {
            Console.Out.Write(SandboxCommandLine.Usage);
            return 0;
        }

        if (parsed.Options is null)
        {
            Console.Error.WriteLine($"kuberollout-sandbox: {parsed.Error}");
            Console.Error.Write(SandboxCommandLine.Usage);
            return UsageExitCode;
        }

        try
        {
            SecretFile.RequirePrivateFolder(parsed.Options.Directory);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"kuberollout-sandbox: could not start: {error.Message}");
            return 1;
        }

        // Warnings and errors on stderr; from information on in DIR/sandbox.log, which outlives the session that
        // started the sandbox and the sandbox itself.
        using var fileLog = new RotatingFileLoggerProvider(parsed.Options.Directory);
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(level => level >= LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddProvider(fileLog));

        var logger = loggerFactory.CreateLogger("KubeRollout.Sandbox");
        AppDomain.CurrentDomain.UnhandledException += (_, e) => logger.LogCritical(e.ExceptionObject as Exception, "The sandbox is ending on an unhandled error.");
        using var stop = new StopSignal(parsed.Options.Directory);
        SandboxServer server;
        try
        {
            server = await SandboxServer.StartAsync(parsed.Options, loggerFactory);
        }
        catch (Exception error) when (error is IOException or TimeoutException or InvalidOperationException or UnauthorizedAccessException)
        {
            logger.LogError("Could not start: {Reason}", error.Message);
            Console.Error.WriteLine($"kuberollout-sandbox: could not start: {error.Message}");
            return 1;
        }

        await using (server)
        {
            Console.Out.WriteLine($"kuberollout-sandbox ready: server {server.BaseUrl.GetLeftPart(UriPartial.Authority)} kubeconfig {server.KubeconfigPath} context {KubeconfigFile.ContextName}");
            Console.Out.Flush();
            await stop.WaitAsync();
            logger.LogInformation("Stopping.");
        }

        return 0;
    }
}
