using System.Text.RegularExpressions;

namespace LiveActors.Tests.Architecture;

/// <summary>
/// The shape of the source tree: a folder is a namespace, no file is over 450 lines, and no folder is a drawer named
/// for what its types are (an <c>Actors/</c> of actors) rather than for what they do.
/// </summary>
public sealed partial class SourceLayoutTests
{
    private static readonly string Source = Path.Combine(RepositoryPaths.Root, "src");

    [Fact]
    public void Every_file_declares_the_namespace_its_folder_names()
    {
        var wrong = SourceFiles()
            .Select(file => (file, declared: NamespaceOf(File.ReadAllText(file)), expected: ExpectedNamespace(file)))
            .Where(f => f.declared is not null && f.declared != f.expected)
            .Select(f => $"{Path.GetRelativePath(RepositoryPaths.Root, f.file)} declares {f.declared}, its folder says {f.expected}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void No_file_is_over_450_lines()
    {
        var long_ = SourceFiles()
            .Select(file => (file, lines: File.ReadLines(file).Count()))
            .Where(f => f.lines > 450)
            .Select(f => $"{Path.GetRelativePath(RepositoryPaths.Root, f.file)}: {f.lines} lines")
            .ToList();

        Assert.True(long_.Count == 0, string.Join("\n", long_));
    }

    [Fact]
    public void No_folder_is_a_drawer_of_actors()
    {
        var drawers = Directory.EnumerateDirectories(Source, "*", SearchOption.AllDirectories)
            .Where(dir => Path.GetFileName(dir) is "Actors" or "Messages" or "Events" or "Helpers" or "Utils" or "Misc")
            .Where(dir => !dir.Contains($"{Path.DirectorySeparatorChar}obj") && !dir.Contains($"{Path.DirectorySeparatorChar}bin"))
            .ToList();

        Assert.Empty(drawers);
    }

    [Fact]
    public void The_namespace_check_reads_a_file_scoped_and_a_block_namespace()
    {
        Assert.Equal("LiveActors.Supervision.Delivery", NamespaceOf("using X;\n\nnamespace LiveActors.Supervision.Delivery;\n"));
        Assert.Equal("LiveActors.Host", NamespaceOf("namespace LiveActors.Host\n{\n}\n"));
        Assert.Null(NamespaceOf("using X;\nConsole.WriteLine(\"top-level statements\");\n"));
        Assert.Equal("LiveActors.Supervision.Delivery",
            ExpectedNamespace(Path.Combine(Source, "LiveActors", "Supervision", "Delivery", "OutboundLedger.cs")));
        Assert.Equal("LiveActors.Cluster", ExpectedNamespace(Path.Combine(Source, "LiveActors.Cluster", "LiveSessionsCluster.cs")));
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(Source, file).Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"));

    /// <summary>The project's folder name is its root namespace; each folder below it adds one segment.</summary>
    private static string ExpectedNamespace(string file)
    {
        var parts = Path.GetRelativePath(Source, Path.GetDirectoryName(file)!).Split(Path.DirectorySeparatorChar);
        return string.Join('.', parts);
    }

    private static string? NamespaceOf(string text)
    {
        var match = NamespaceLine().Match(text);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
