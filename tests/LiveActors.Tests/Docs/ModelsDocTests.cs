using LiveActors.Models;

namespace LiveActors.Tests.Docs;

/// <summary>
/// docs/models.md's table is the profile data, rendered: a change to a profile fails here until the page shows it.
/// <c>LIVEACTORS_APPROVE_DOCS=1</c> writes the table between the page's markers instead.
/// </summary>
public sealed class ModelsDocTests
{
    private const string Begin = "<!-- profiles:begin -->";
    private const string End = "<!-- profiles:end -->";

    private static readonly string Page = Path.Combine(RepositoryPaths.Root, "docs", "models.md");

    [Fact]
    public void The_page_shows_every_profile_as_the_data_says()
    {
        var text = File.ReadAllText(Page);
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/models.md needs the markers {Begin} and {End}");
        var shown = text[(start + Begin.Length)..end].Trim();
        var expected = ModelProfileTable.Markdown(ModelProfiles.All);

        if (shown != expected && Environment.GetEnvironmentVariable("LIVEACTORS_APPROVE_DOCS") == "1")
        {
            File.WriteAllText(Page, text[..(start + Begin.Length)] + "\n" + expected + "\n" + text[end..]);
            return;
        }

        Assert.True(shown == expected, "docs/models.md's table differs from ModelProfiles; it should read:\n" + expected);
    }

    [Fact]
    public void The_table_has_a_column_per_profile_and_a_row_per_rule()
    {
        var lines = ModelProfileTable.Markdown(ModelProfiles.All).Split('\n');
        var header = DocTables.Cells(lines[0]);

        Assert.Equal(["rule", .. ModelProfiles.All.Select(p => $"`{p.Name}`")], header);
        Assert.All(lines.Skip(2), line => Assert.Equal(header.Length, DocTables.Cells(line).Length));
        Assert.Contains(lines, line => line.StartsWith("| `responseModalities` | AUDIO, VIDEO |", StringComparison.Ordinal));
    }
}
