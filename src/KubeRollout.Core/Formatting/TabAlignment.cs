using System.Text;

namespace KubeRollout.Core.Formatting;

/// <summary>
/// Aligns tab-separated text as Go's text/tabwriter does with kubectl describe's settings (minimum width 0,
/// padding 2, spaces): tab-terminated cells of consecutive lines form a column as wide as its widest cell plus the
/// padding; the last cell of a line is not part of a column.
/// </summary>
public static class TabAlignment
{
    private const int Padding = 2;

    public static string Align(string text)
    {
        var lines = text.Split('\n').Select(line => line.Split('\t')).ToList();
        var output = new StringBuilder(text.Length * 2);
        var widths = new List<int>();
        Format(lines, 0, lines.Count, widths, output);
        return output.ToString();
    }

    private static void Format(List<string[]> lines, int first, int end, List<int> widths, StringBuilder output)
    {
        var column = widths.Count;
        var unwritten = first;
        for (var line = first; line < end; line++)
        {
            if (column >= lines[line].Length - 1)
            {
                continue;
            }

            WriteLines(lines, unwritten, line, widths, output);
            var blockStart = line;
            var width = 0;
            for (; line < end && column < lines[line].Length - 1; line++)
            {
                width = Math.Max(width, Width(lines[line][column]) + Padding);
            }

            widths.Add(width);
            Format(lines, blockStart, line, widths, output);
            widths.RemoveAt(widths.Count - 1);
            unwritten = line;
            line--; // the loop's increment must not skip the line that ended the block
        }

        WriteLines(lines, unwritten, end, widths, output);
    }

    private static void WriteLines(List<string[]> lines, int first, int end, List<int> widths, StringBuilder output)
    {
        for (var line = first; line < end; line++)
        {
            var cells = lines[line];
            for (var cell = 0; cell < cells.Length; cell++)
            {
                output.Append(cells[cell]);
                if (cell < widths.Count && cell < cells.Length - 1)
                {
                    output.Append(' ', widths[cell] - Width(cells[cell]));
                }
            }

            if (line + 1 < lines.Count)
            {
                output.Append('\n');
            }
        }
    }

    private static int Width(string cell) => cell.EnumerateRunes().Count();
}
