using System.Text.RegularExpressions;

namespace LiveActors.Tests.Docs;

/// <summary>
/// The README's C# compiles as written: every C# block in it (and in docs/) is a line-for-line excerpt of a sample that
/// the solution builds (src/LiveActors.Samples.*) or that CI builds from the packages (tests/LiveActors.PackageConsumer).
/// Indentation is free; every other character counts.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    public static TheoryData<string, int> Snippets()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, index, _) in AllSnippets())
        {
            data.Add(file, index);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Each_csharp_block_is_an_excerpt_of_a_compiled_sample(string document, int index)
    {
        var snippet = AllSnippets().Single(s => s.File == document && s.Index == index).Lines;

        var found = SampleSources().Any(source => Contains(source, snippet));

        Assert.True(found, $"C# block {index} of {document} is not a line-for-line excerpt of any sample:\n{string.Join('\n', snippet)}");
    }

    [Fact]
    public void The_readme_has_csharp_blocks_to_check_and_every_sample_project_is_in_the_solution()
    {
        Assert.True(AllSnippets().Count(s => s.File == "README.md") >= 5);
        var solution = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "LiveActors.sln"));
        var samples = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src"), "LiveActors.Samples.*");
        Assert.NotEmpty(samples);
        Assert.All(samples, dir => Assert.Contains($"src\\{Path.GetFileName(dir)}\\{Path.GetFileName(dir)}.csproj", solution, StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_finds_a_block_that_drifted_from_its_sample()
    {
        string[] source = ["    var a = 1;", "    var b = a + 1;", "    Console.WriteLine(b);"];

        Assert.True(Contains(source, ["var a = 1;", "var b = a + 1;"]));
        Assert.False(Contains(source, ["var a = 1;", "var b = a + 2;"]));
        Assert.False(Contains(source, ["var a = 1;", "Console.WriteLine(b);"]));
    }

    private static IEnumerable<(string File, int Index, string[] Lines)> AllSnippets()
    {
        var documents = new[] { Path.Combine(RepositoryPaths.Root, "README.md") }
            .Concat(Directory.Exists(Path.Combine(RepositoryPaths.Root, "docs"))
                ? Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md")
                : []);
        foreach (var document in documents)
        {
            var name = Path.GetRelativePath(RepositoryPaths.Root, document).Replace('\\', '/');
            var index = 0;
            foreach (Match block in CsharpBlock().Matches(File.ReadAllText(document).ReplaceLineEndings("\n")))
            {
                yield return (name, index++, block.Groups[1].Value.TrimEnd('\n').Split('\n'));
            }
        }
    }

    private static IEnumerable<string[]> SampleSources()
    {
        var folders = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src"), "LiveActors.Samples.*")
            .Append(Path.Combine(RepositoryPaths.Root, "tests", "LiveActors.PackageConsumer"));
        return folders
            .SelectMany(folder => Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(file => File.ReadAllText(file).ReplaceLineEndings("\n").Split('\n'));
    }

    private static bool Contains(string[] source, string[] snippet)
    {
        var lines = source.Select(l => l.Trim()).ToArray();
        var wanted = snippet.Select(l => l.Trim()).ToArray();
        for (var start = 0; start + wanted.Length <= lines.Length; start++)
        {
            if (lines.AsSpan(start, wanted.Length).SequenceEqual(wanted))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^```csharp\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();
}
