using LiveActors.Options;

namespace LiveActors.Tests.Docs;

/// <summary>The README's options table names every option Akka.conf has.</summary>
public sealed class ReadmeOptionsTests
{
    [Fact]
    public void Every_option_key_has_a_row_in_the_README()
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md")).Where(line => line.StartsWith("| `", StringComparison.Ordinal)).ToList();

        var missing = OptionKeys.All.Concat(OptionKeys.Sessions).Where(key => !rows.Any(row => row.StartsWith($"| `{key}`", StringComparison.Ordinal))).ToList();

        Assert.True(missing.Count == 0, $"no README row for: {string.Join(", ", missing)}");
    }
}
