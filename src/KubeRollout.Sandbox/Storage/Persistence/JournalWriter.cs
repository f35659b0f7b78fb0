using System.Globalization;
using System.Text.Json;
using k8s;
using k8s.Models;

namespace KubeRollout.Sandbox.Storage.Persistence;

/// <summary>
/// Writes <see cref="JournalEntry"/> lines to a journal or snapshot file, encoding straight into the file's buffer
/// (one writer reused for every line) so that journaling adds little to what the sandbox allocates.
/// </summary>
internal sealed class JournalWriter(Stream file) : IDisposable
{
    private readonly Utf8JsonWriter _writer = new(file, new JsonWriterOptions { SkipValidation = true });

    /// <summary>A committed object, or its deletion.</summary>
    public void Entry(long resourceVersion, DateTime time, ResourceType resource, IKubernetesObject<V1ObjectMeta> obj, bool deleted) =>
        Line(() =>
        {
            _writer.WriteNumber("rv", resourceVersion);
            _writer.WriteString("t", time);
            _writer.WriteString("r", resource.QualifiedName);
            if (obj.Metadata.NamespaceProperty is { } ns)
            {
                _writer.WriteString("ns", ns);
            }

            _writer.WriteString("n", obj.Metadata.Name);
            if (!deleted)
            {
                _writer.WritePropertyName("o");
                _writer.WriteRawValue(ModelJson.Serialize(obj), skipInputValidation: true);
            }
        });

    /// <summary>An object of a snapshot, at its own resourceVersion.</summary>
    public void Object(DateTime time, ResourceType resource, IKubernetesObject<V1ObjectMeta> obj) =>
        Entry(long.Parse(obj.Metadata.ResourceVersion, CultureInfo.InvariantCulture), time, resource, obj, deleted: false);

    /// <summary>The first line of a snapshot: the version it reflects (an entry of no object).</summary>
    public void Version(long resourceVersion, DateTime time) =>
        Line(() =>
        {
            _writer.WriteNumber("rv", resourceVersion);
            _writer.WriteString("t", time);
            _writer.WriteString("r", string.Empty);
            _writer.WriteString("n", string.Empty);
        });

    public void Dispose() => _writer.Dispose();

    private void Line(Action writeFields)
    {
        _writer.Reset();
        _writer.WriteStartObject();
        writeFields();
        _writer.WriteEndObject();
        _writer.Flush();
        file.WriteByte((byte)'\n');
    }
}
