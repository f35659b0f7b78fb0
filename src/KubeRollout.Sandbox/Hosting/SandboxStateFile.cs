using System.Text.Json;
using System.Text.Json.Serialization;
using KubeRollout.Sandbox.Security;

namespace KubeRollout.Sandbox.Hosting;

/// <summary>
/// What <c>DIR/sandbox.json</c> holds while the sandbox runs (it is removed on a clean stop). The process is named by
/// its id, its start time as the operating system reports it and its program, so that an id reused by another
/// process after a crash is not taken for the sandbox (<see cref="ProcessStartMarker"/>).
/// </summary>
public sealed record SandboxState(
    [property: JsonPropertyName("server")] string Server,
    [property: JsonPropertyName("port")] int Port,
    [property: JsonPropertyName("pid")] int ProcessId,
    [property: JsonPropertyName("kubeconfig")] string Kubeconfig,
    [property: JsonPropertyName("context")] string Context,
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("processStart")] string? ProcessStart = null,
    [property: JsonPropertyName("program")] string? Program = null,
    [property: JsonPropertyName("directory")] string? Directory = null);

public static class SandboxStateFile
{
    public const string FileName = "sandbox.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(string path, SandboxState state) =>
        SecretFile.Write(path, JsonSerializer.Serialize(state, Indented) + Environment.NewLine);

    public static SandboxState? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<SandboxState>(File.ReadAllText(path)) : null;
}
