using System.Globalization;

namespace KubeRollout.Sandbox.Hosting;

/// <summary>The outcome of parsing the command line: options to run with, a request for help, or an error.</summary>
public sealed record CommandLineResult(SandboxOptions? Options, bool ShowHelp, string? Error);

/// <summary>Parses <c>kuberollout-sandbox --dir DIR [--nodes 3] [--time-scale 1] [--port 0] [--failing-image PATTERN]...</c>.</summary>
public static class SandboxCommandLine
{
    public const string Usage = """
        Usage: kuberollout-sandbox --dir DIR [--nodes N] [--time-scale X] [--port P] [--failing-image PATTERN]... [--fresh]

        Runs a local Kubernetes API server with simulated nodes on https://127.0.0.1.

          --dir DIR                  folder for the kubeconfig, sandbox.json, the log and the cluster's objects
                                     (created if missing; a restart in the same folder keeps the objects); required
          --nodes N                  number of simulated nodes (default 3)
          --time-scale X             simulated seconds per wall-clock second (default 1)
          --port P                   port to listen on; 0 picks a free one (default 0)
          --failing-image PATTERN    wildcard; pods with a matching image never become Ready (repeatable)
          --fresh                    start with an empty cluster, forgetting the objects kept in DIR
          --help                     show this text

        The sandbox stops on SIGINT/SIGTERM or when the file DIR/stop appears.

        """;

    public static CommandLineResult Parse(IReadOnlyList<string> args)
    {
        string? directory = null;
        var nodes = 3;
        var timeScale = 1.0;
        var port = 0;
        var failingImages = new List<string>();
        var fresh = false;

        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = SplitFlag(args[i]);
            if (name is "--help" or "-h")
            {
                return new CommandLineResult(null, true, null);
            }

            if (name == "--fresh" && inlineValue is null)
            {
                fresh = true;
                continue;
            }

            if (name is not ("--dir" or "--nodes" or "--time-scale" or "--port" or "--failing-image"))
            {
                return Fail($"unknown argument '{args[i]}'");
            }

            var value = inlineValue;
            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    return Fail($"{name} needs a value");
                }

                value = args[++i];
            }

            switch (name)
            {
                case "--dir":
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        return Fail("--dir needs a folder");
                    }

                    directory = value;
                    break;
                case "--nodes":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out nodes) || nodes < 1 || nodes > 1000)
                    {
                        return Fail($"--nodes must be a whole number from 1 to 1000, not '{value}'");
                    }

                    break;
                case "--time-scale":
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out timeScale)
                        || !double.IsFinite(timeScale) || timeScale <= 0)
                    {
                        return Fail($"--time-scale must be a positive number, not '{value}'");
                    }

                    break;
                case "--port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                    {
                        return Fail($"--port must be a port number from 0 to 65535, not '{value}'");
                    }

                    break;
                case "--failing-image":
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        return Fail("--failing-image needs a pattern");
                    }

                    failingImages.Add(value);
                    break;
            }
        }

        if (directory is null)
        {
            return Fail("--dir is required");
        }

        return new CommandLineResult(
            new SandboxOptions
            {
                Directory = Path.GetFullPath(directory),
                Nodes = nodes,
                TimeScale = timeScale,
                Port = port,
                FailingImages = failingImages,
                Fresh = fresh,
            },
            false,
            null);
    }

    private static (string Name, string? Value) SplitFlag(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    private static CommandLineResult Fail(string error) => new(null, false, error);
}
