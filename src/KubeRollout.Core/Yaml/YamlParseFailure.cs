using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeRollout.Core.Yaml;

/// <summary>
/// Where and why a YAML text stops parsing when YamlDotNet reports it without a position or a useful message (an
/// unclosed flow mapping or list ends in "Operation is not valid due to the current state of the object"): the
/// events are read again up to the failure, and the innermost flow collection still open is named, as kubectl says
/// "did not find expected ',' or '}'".
/// </summary>
public static class YamlParseFailure
{
    /// <summary>The line (1-based) and character index the failure is about, and the reason to show.</summary>
    public static (int Line, long Index, string Reason) Explain(string text, Exception failure)
    {
        // One entry per open collection, null for a block one: an end event closes whichever is innermost.
        var open = new Stack<(char Closer, string What, Mark Start)?>();
        var last = Mark.Empty;
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case MappingStart mapping:
                        open.Push(mapping.Style == MappingStyle.Flow ? ('}', "mapping", mapping.Start) : null);
                        break;
                    case SequenceStart sequence:
                        open.Push(sequence.Style == SequenceStyle.Flow ? (']', "list", sequence.Start) : null);
                        break;
                    case MappingEnd or SequenceEnd when open.Count > 0:
                        open.Pop();
                        break;
                }

                last = current.End;
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            if (open.FirstOrDefault(entry => entry is not null) is { } unclosed)
            {
                var line = (int)unclosed.Start.Line;
                return (line, unclosed.Start.Index, $"did not find expected ',' or '{unclosed.Closer}': the flow {unclosed.What} that starts on line {line} is not closed");
            }

            var position = e is YamlException { Start: var start } && start.Line > 0 ? start : last;
            return ((int)Math.Max(position.Line, 1), position.Index, e is YamlException ? e.Message : $"the text ends unexpectedly after line {Math.Max(position.Line, 1)}");
        }

        return (1, 0, failure.Message);
    }
}
