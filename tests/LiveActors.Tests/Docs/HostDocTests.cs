using System.Globalization;
using LiveActors.Host;

namespace LiveActors.Tests.Docs;

/// <summary>docs/host.md names every option the host takes and every exit code it ends with, and nothing else.</summary>
public sealed class HostDocTests
{
    [Fact]
    public void Every_option_of_the_host_has_a_row_and_every_row_is_an_option()
    {
        var rows = DocTables.Rows("host.md", cell => cell.StartsWith("`--", StringComparison.Ordinal));
        var documented = rows.SelectMany(cells => cells[0].Split(',').Select(flag => DocTables.Code(flag.Trim()).Split(' ')[0])).ToHashSet();

        Assert.Equal(HostArguments.Usage.Select(option => option.Flag).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_exit_codes_are_the_ones_the_host_ends_with()
    {
        var documented = DocTables.Rows("host.md", cell => int.TryParse(cell, out _)).Select(cells => int.Parse(cells[0], CultureInfo.InvariantCulture));

        Assert.Equal(ExitCodes.All.Select(code => code.Code).Order(), documented.Order());
    }
}
