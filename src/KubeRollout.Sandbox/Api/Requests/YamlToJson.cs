using System.Globalization;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KubeRollout.Sandbox.Api.Requests;

internal sealed class YamlToJsonException(string message, bool tooLarge = false) : Exception(message)
{
    /// <summary>The body expands beyond <see cref="BodyLimits.MaxExpandedBytes"/> (413 rather than 400).</summary>
    public bool TooLarge { get; } = tooLarge;
}

/// <summary>
/// Converts one YAML document to JSON the way the API server reads YAML bodies: plain scalars become null, booleans
/// and numbers when they look like them, everything else (and every quoted scalar) a string. It works on the parser's
/// events without recursion, within bounds: at most <see cref="BodyLimits.MaxDepth"/> levels, aliases only to
/// complete anchors, and go-yaml's budget for alias expansion ("document contains excessive aliasing").
/// </summary>
internal static class YamlToJson
{
    public static byte[] Convert(byte[] yaml)
    {
        var events = ReadEvents(yaml);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            new Expansion(events.Events, events.Anchors, writer).Run();
        }

        return buffer.ToArray();
    }

    /// <summary>The node events of the single document, and where each anchor's node starts and ends among them.</summary>
    private static (List<ParsingEvent> Events, Dictionary<string, (int Start, int End)> Anchors) ReadEvents(byte[] yaml)
    {
        var events = new List<ParsingEvent>();
        var anchors = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, int Start)>();
        var documents = 0;
        try
        {
            using var reader = new StreamReader(new MemoryStream(yaml), Encoding.UTF8);
            var parser = new Parser(reader);
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                switch (current)
                {
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            throw new YamlToJsonException("yaml: expected a single document");
                        }

                        continue;
                    case StreamStart or StreamEnd or DocumentEnd or Comment:
                        continue;
                    case AnchorAlias alias:
                        if (!anchors.ContainsKey(alias.Value.Value))
                        {
                            throw new YamlToJsonException(open.Any(o => o.Anchor == alias.Value.Value)
                                ? $"yaml: anchor '{alias.Value.Value}' value contains itself"
                                : $"yaml: line {alias.Start.Line}: unknown anchor '{alias.Value.Value}' referenced");
                        }

                        events.Add(current);
                        continue;
                    case Scalar scalar:
                        events.Add(current);
                        if (!scalar.Anchor.IsEmpty)
                        {
                            anchors[scalar.Anchor.Value] = (events.Count - 1, events.Count);
                        }

                        continue;
                    case NodeEvent { NestingIncrease: 1 } start:
                        if (open.Count >= BodyLimits.MaxDepth)
                        {
                            throw new YamlToJsonException($"yaml: exceeded max depth of {BodyLimits.MaxDepth}");
                        }

                        open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, events.Count));
                        events.Add(current);
                        continue;
                    case { NestingIncrease: -1 }:
                        events.Add(current);
                        var (anchor, begin) = open.Pop();
                        if (anchor is not null)
                        {
                            anchors[anchor] = (begin, events.Count);
                        }

                        continue;
                }
            }
        }
        catch (YamlException e)
        {
            throw new YamlToJsonException($"yaml: line {e.Start.Line}: {e.Message}");
        }

        if (events.Count == 0)
        {
            throw new YamlToJsonException("yaml: empty document");
        }

        return (events, anchors);
    }

    /// <summary>Writes the events as JSON, replaying an anchor's events where an alias names it.</summary>
    private sealed class Expansion(
        List<ParsingEvent> events, Dictionary<string, (int Start, int End)> anchors, Utf8JsonWriter writer)
    {
        // go-yaml's rule: up to 400,000 decoded nodes 99% may come from aliases, falling to 10% at 4,000,000.
        private const int AliasRatioRangeLow = 400_000;
        private const int AliasRatioRangeHigh = 4_000_000;

        private readonly Stack<(int Next, int End)> _sources = new();
        private readonly Stack<bool> _inMapping = new(); // per open collection: mapping (keys and values alternate)
        private readonly Stack<bool> _expectKey = new();
        private long _decoded;
        private long _fromAliases;

        public void Run()
        {
            _sources.Push((0, events.Count));
            while (_sources.Count > 0)
            {
                var (next, end) = _sources.Pop();
                if (next >= end)
                {
                    continue;
                }

                _sources.Push((next + 1, end));
                var current = events[next];
                if (current is AnchorAlias alias)
                {
                    var (start, stop) = anchors[alias.Value.Value];
                    _sources.Push((start, stop));
                    continue;
                }

                Count();
                Write(current);
            }
        }

        private void Count()
        {
            _decoded++;
            if (_sources.Count > 1)
            {
                _fromAliases++;
            }

            if (_fromAliases > 100 && _decoded > 1000 && (double)_fromAliases / _decoded > AllowedAliasRatio(_decoded))
            {
                throw new YamlToJsonException("yaml: document contains excessive aliasing");
            }

            if (writer.BytesCommitted + writer.BytesPending > BodyLimits.MaxExpandedBytes)
            {
                throw new YamlToJsonException($"Request entity too large: limit is {BodyLimits.MaxExpandedBytes}", tooLarge: true);
            }
        }

        private static double AllowedAliasRatio(long decoded) => decoded switch
        {
            <= AliasRatioRangeLow => 0.99,
            >= AliasRatioRangeHigh => 0.10,
            _ => 0.99 - (0.89 * ((decoded - AliasRatioRangeLow) / (double)(AliasRatioRangeHigh - AliasRatioRangeLow))),
        };

        private void Write(ParsingEvent current)
        {
            var inMapping = current.NestingIncrease >= 0 && _inMapping.Count > 0 && _inMapping.Peek();
            var isKey = inMapping && _expectKey.Peek();
            if (inMapping)
            {
                _expectKey.Push(!_expectKey.Pop()); // after a key comes its value, after a value the next key
            }

            if (isKey)
            {
                writer.WritePropertyName(current is Scalar key
                    ? key.Value ?? string.Empty
                    : throw new YamlToJsonException("yaml: mapping keys must be scalars"));
                return;
            }

            if (current.NestingIncrease > 0 && _inMapping.Count >= BodyLimits.MaxDepth)
            {
                throw new YamlToJsonException($"yaml: exceeded max depth of {BodyLimits.MaxDepth}"); // an alias nested its anchor deeper
            }

            switch (current)
            {
                case MappingStart:
                    writer.WriteStartObject();
                    _inMapping.Push(true);
                    _expectKey.Push(true);
                    break;
                case SequenceStart:
                    writer.WriteStartArray();
                    _inMapping.Push(false);
                    _expectKey.Push(false);
                    break;
                case MappingEnd:
                    writer.WriteEndObject();
                    _inMapping.Pop();
                    _expectKey.Pop();
                    break;
                case SequenceEnd:
                    writer.WriteEndArray();
                    _inMapping.Pop();
                    _expectKey.Pop();
                    break;
                case Scalar scalar:
                    WriteScalar(scalar);
                    break;
            }
        }

        private void WriteScalar(Scalar scalar)
        {
            var value = scalar.Value ?? string.Empty;
            if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            {
                writer.WriteStringValue(value);
                return;
            }

            switch (value)
            {
                case "" or "~" or "null" or "Null" or "NULL":
                    writer.WriteNullValue();
                    return;
                case "true" or "True" or "TRUE":
                    writer.WriteBooleanValue(true);
                    return;
                case "false" or "False" or "FALSE":
                    writer.WriteBooleanValue(false);
                    return;
            }

            if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                writer.WriteNumberValue(integer);
            }
            else if (LooksLikeFloat(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                writer.WriteNumberValue(number);
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }

        private static bool LooksLikeFloat(string value) =>
            value.Length > 0 && (char.IsDigit(value[0]) || value[0] is '-' or '+' or '.') && value.Any(char.IsDigit)
            && value.All(c => char.IsDigit(c) || c is '.' or 'e' or 'E' or '-' or '+');
    }
}
