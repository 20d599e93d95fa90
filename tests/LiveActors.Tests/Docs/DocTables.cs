namespace LiveActors.Tests.Docs;

/// <summary>Reads the rows of a Markdown table in a page under docs/, so a test can hold the page to the code.</summary>
internal static class DocTables
{
    /// <summary>The cells of every table row in <paramref name="page"/> (relative to docs/) whose first cell matches.</summary>
    public static IReadOnlyList<string[]> Rows(string page, Func<string, bool> firstCell) =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", page))
            .Where(line => line.StartsWith('|') && !line.StartsWith("|---", StringComparison.Ordinal))
            .Select(Cells)
            .Where(cells => cells.Length > 0 && firstCell(cells[0]))
            .ToList();

    /// <summary>A row's cells, trimmed; an escaped pipe (<c>\|</c>) stays inside its cell.</summary>
    public static string[] Cells(string row) =>
        row.Trim().Trim('|').Replace("\\|", "\u0001", StringComparison.Ordinal)
            .Split('|')
            .Select(cell => cell.Replace("\u0001", "|", StringComparison.Ordinal).Trim())
            .ToArray();

    /// <summary>The text inside the first pair of backticks of a cell, or the cell itself.</summary>
    public static string Code(string cell) =>
        cell.IndexOf('`') is var start and >= 0 && cell.IndexOf('`', start + 1) is var end and > 0 ? cell[(start + 1)..end] : cell;
}
