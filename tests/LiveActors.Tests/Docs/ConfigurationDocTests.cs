using LiveActors.Options;
using LiveActors.Sessions;

namespace LiveActors.Tests.Docs;

/// <summary>
/// docs/configuration.md's table against the code: a row for every key Akka.conf has, each naming the C# property the
/// key binds to, the default Akka.conf gives it and the range the validator holds it to, so the page cannot drift from
/// the library.
/// </summary>
public sealed class ConfigurationDocTests
{
    private const string Page = "docs/configuration.md";

    // A region's options are not named after their keys; state-file is an argument of the hosting extension.
    private static readonly Dictionary<string, string> RegionProperties = new(StringComparer.Ordinal)
    {
        [OptionKeys.SessionsPassivateAfter] = nameof(LiveSessionsOptions.PassivateAfter),
        [OptionKeys.SessionsMaxOpen] = nameof(LiveSessionsOptions.MaxOpenSessions),
        [OptionKeys.SessionsPersistence] = nameof(LiveSessionsOptions.Persistence),
        [OptionKeys.SessionsHandleValidity] = nameof(LiveSessionsOptions.HandleValidity),
        [OptionKeys.SessionsRecoverOpen] = nameof(LiveSessionsOptions.RecoverOpenSessions),
        [OptionKeys.SessionsMaxBuffered] = nameof(LiveSessionsOptions.MaxBufferedPerSession),
    };

    private static IEnumerable<string> Keys => OptionKeys.All.Concat(OptionKeys.Sessions);

    [Fact]
    public void Every_option_key_has_exactly_one_row_and_every_row_is_an_option()
    {
        var rows = Rows();

        Assert.DoesNotContain(Keys, key => rows.Count(row => row.Key == key) != 1);
        Assert.DoesNotContain(rows, row => !Keys.Contains(row.Key));
    }

    [Fact]
    public void Each_row_names_the_property_its_key_binds_to()
    {
        foreach (var row in Rows())
        {
            var expected = row.Key == OptionKeys.SessionsStateFile ? "`WithLiveSessions(stateFile:)`"
                : RegionProperties.TryGetValue(row.Key, out var property) ? $"`LiveSessionsOptions.{property}`"
                : $"`{OptionKey.PropertyPath(row.Key)}`";
            Assert.True(expected == row.Property, $"{row.Key}: the page says {row.Property}, the code {expected}");
        }

        Assert.All(RegionProperties.Values, name => Assert.NotNull(typeof(LiveSessionsOptions).GetProperty(name)));
    }

    [Fact]
    public void Each_rows_environment_variable_is_its_IConfiguration_path()
    {
        foreach (var row in Rows())
        {
            var expected = OptionKeys.Sessions.Contains(row.Key) ? "—" : $"`LiveActors__{OptionKey.ConfigurationPath(row.Key).Replace(":", "__", StringComparison.Ordinal)}`";
            Assert.True(row.Environment.StartsWith(expected, StringComparison.Ordinal), $"{row.Key}: the page says {row.Environment}, the code {expected}");
        }
    }

    [Fact]
    public void Each_rows_default_is_the_one_in_Akka_conf()
    {
        var section = LiveActorsConfig.Default.GetConfig(LiveActorsConfig.Section);
        foreach (var row in Rows())
        {
            var value = section.GetString(row.Key);
            var matches = value.Length == 0 ? row.Default.StartsWith("empty", StringComparison.Ordinal) : row.Default == $"`{value}`";
            Assert.True(matches, $"{row.Key}: the page says {row.Default}, Akka.conf says '{value}'");
        }
    }

    [Fact]
    public void Each_rows_range_is_the_one_the_validator_checks()
    {
        foreach (var row in Rows())
        {
            var expected = OptionRanges.Find(row.Key)?.Text ?? "—";
            Assert.True(expected == row.Range, $"{row.Key}: the page says {row.Range}, the validator checks {expected}");
        }

        Assert.All(OptionRanges.All, range => Assert.Contains(Rows(), row => row.Key == range.Key));
    }

    /// <summary>The page's option rows (a HOCON key in the first cell); code-only rows are skipped.</summary>
    internal static IReadOnlyList<Row> Rows() =>
        [.. File.ReadAllLines(Path.Combine(RepositoryPaths.Root, Page))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Trim('|', ' ').Split(" | "))
            .Select(cells => new Row(cells[0].Trim('`'), cells[1], cells[2], cells[3], cells[4], cells[^1]))];

    /// <summary>One option row: key, C# property, environment variable, default, range and meaning.</summary>
    internal sealed record Row(string Key, string Property, string Environment, string Default, string Range, string Meaning);
}
