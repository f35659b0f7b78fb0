using System.Text;

namespace KubeRollout.Core.Formatting;

/// <summary>
/// Writes indented text as kubectl's describe PrefixWriter does: every call indents by two spaces per level, a
/// nested writer adds levels to every call, and terminal control characters are escaped.
/// </summary>
internal class PrefixWriter
{
    private readonly StringBuilder _output;

    public PrefixWriter(StringBuilder output) => _output = output;

    public virtual void Write(int level, string text) => Append(new string(' ', 2 * level) + text);

    public virtual void WriteLine(string text) => Append(text + "\n");

    /// <summary>A writer that adds <paramref name="indent"/> levels to every call (kubectl's NestedPrefixWriter).</summary>
    public PrefixWriter Nested(int indent) => new NestedPrefixWriter(this, indent);

    // printers.WriteEscaped: an escape or carriage return in an object's field must not reach the terminal as such.
    private void Append(string text) => _output.Append(text.Replace("\x1b", "^[", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal));

    private sealed class NestedPrefixWriter(PrefixWriter inner, int indent) : PrefixWriter(new StringBuilder())
    {
        public override void Write(int level, string text) => inner.Write(level + indent, text);

        public override void WriteLine(string text) => inner.Write(indent, text + "\n");
    }
}
