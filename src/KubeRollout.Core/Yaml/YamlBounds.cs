using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeRollout.Core.Yaml;

/// <summary>
/// The limits every YAML or JSON document is checked against before it is turned into objects (manifests and
/// kubeconfigs alike), so that no file can exhaust the stack or the memory of the user's session: nesting depth,
/// size, and nodes after alias expansion (an "alias bomb" of a few hundred bytes expands to billions). The check
/// reads the document as a stream of events, without recursion, and names the line where a limit is passed.
/// </summary>
public static class YamlBounds
{
    /// <summary>Levels of nested mappings and lists (as JSON counts depth); System.Text.Json, which reads the objects later, stops at 64 as well.</summary>
    public const int MaxDepth = 64;

    /// <summary>The largest file read: far above any manifest (the API server stores at most 1.5 MiB per object).</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    /// <summary>Values (mappings, lists, scalars) of one file once every alias is expanded.</summary>
    public const long MaxNodes = 1_000_000;

    /// <summary>The text of a file no larger than <see cref="MaxFileBytes"/>.</summary>
    public static string ReadFile(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            throw new YamlBoundsException(YamlLimit.Size, 0, $"the file is {length:N0} bytes; at most {MaxFileBytes:N0} bytes are read");
        }

        return File.ReadAllText(path);
    }

    /// <summary>Throws <see cref="YamlBoundsException"/> at the first limit the text passes; syntax errors are left to the parser.</summary>
    public static void Check(string text)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<Frame>();
        var anchors = new Dictionary<string, (long Nodes, int Height)>(StringComparer.Ordinal);
        long nodes = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var line = (int)current.Start.Line;
            switch (current)
            {
                case AnchorAlias alias:
                    var (aliasNodes, aliasHeight) = anchors.GetValueOrDefault(alias.Value.Value, (1, 0));
                    nodes += aliasNodes;
                    Reached(open.Count + aliasHeight, nodes, line);
                    Child(open, aliasHeight);
                    break;
                case Scalar scalar:
                    nodes++;
                    Reached(open.Count, nodes, line);
                    Remember(anchors, scalar.Anchor, 1, 0);
                    Child(open, 0);
                    break;
                case NodeEvent { } start and (MappingStart or SequenceStart):
                    nodes++;
                    Reached(open.Count + 1, nodes, line);
                    open.Push(new Frame(start.Anchor, nodes));
                    break;
                case MappingEnd or SequenceEnd:
                    var frame = open.Pop();
                    var height = frame.TallestChild + 1;
                    Remember(anchors, frame.Anchor, nodes - frame.NodesAtStart + 1, height);
                    Child(open, height);
                    break;
            }
        }
    }

    private static void Reached(int depth, long nodes, int line)
    {
        if (depth > MaxDepth)
        {
            throw new YamlBoundsException(YamlLimit.Depth, line, $"the document nests deeper than {MaxDepth} levels");
        }

        if (nodes > MaxNodes)
        {
            throw new YamlBoundsException(YamlLimit.Size, line, $"the document expands to more than {MaxNodes:N0} values (aliases included)");
        }
    }

    private static void Child(Stack<Frame> open, int height)
    {
        if (open.TryPeek(out var parent) && height > parent.TallestChild)
        {
            parent.TallestChild = height;
        }
    }

    private static void Remember(Dictionary<string, (long, int)> anchors, AnchorName anchor, long nodes, int height)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = (nodes, height);
        }
    }

    private sealed class Frame(AnchorName anchor, long nodesAtStart)
    {
        public AnchorName Anchor { get; } = anchor;

        public long NodesAtStart { get; } = nodesAtStart;

        public int TallestChild { get; set; }
    }
}

/// <summary>Which of the <see cref="YamlBounds"/> a document passed.</summary>
public enum YamlLimit
{
    Depth,
    Size,
}

/// <summary>A document past one of the <see cref="YamlBounds"/>, at a line (0: the file as a whole).</summary>
public sealed class YamlBoundsException(YamlLimit limit, int line, string reason) : Exception(reason)
{
    public YamlLimit Limit { get; } = limit;

    public int Line { get; } = line;
}
