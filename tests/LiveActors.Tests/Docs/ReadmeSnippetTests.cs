using System.Text.RegularExpressions;

namespace LiveActors.Tests.Docs;

/// <summary>
/// The C# in README.md and docs/ is what a user pastes: every block is a whole program, usings included. The README's
/// programs are also the whole <c>Program.cs</c> of a sample project the solution builds, so a change of the library
/// that breaks one fails the build here. Every block, in the README and in docs/, is compiled as pasted into a new
/// console app from the packed packages by <c>tests/readme-as-pasted.sh</c>, which CI runs.
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
    public void Each_csharp_block_is_a_whole_program_that_names_its_usings(string document, int index)
    {
        var snippet = AllSnippets().Single(s => s.File == document && s.Index == index).Text;

        var first = snippet.Split('\n').First(line => line.Length > 0 && !line.StartsWith("#pragma", StringComparison.Ordinal));

        Assert.True(first.StartsWith("using ", StringComparison.Ordinal), $"C# block {index} of {document} does not start with its usings, so it does not compile as pasted:\n{snippet}");
    }

    [Fact]
    public void Each_csharp_block_of_the_readme_is_the_whole_program_of_a_sample_the_solution_builds()
    {
        var samples = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src"), "LiveActors.Samples.*")
            .Select(folder => Path.Combine(folder, "Program.cs"))
            .Where(File.Exists)
            .ToDictionary(path => path, path => File.ReadAllText(path).ReplaceLineEndings("\n"));
        var readme = AllSnippets().Where(s => s.File == "README.md").ToList();

        Assert.True(readme.Count >= 3, "the README has lost its programs");
        Assert.All(readme, snippet => Assert.True(
            samples.Values.Contains(snippet.Text),
            $"C# block {snippet.Index} of README.md is not the whole Program.cs of any src/LiveActors.Samples.* project:\n{snippet.Text}"));
    }

    [Fact]
    public void Every_sample_project_is_in_the_solution()
    {
        var solution = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "LiveActors.sln"));
        var samples = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src"), "LiveActors.Samples.*");

        Assert.NotEmpty(samples);
        Assert.All(samples, dir => Assert.Contains($"src\\{Path.GetFileName(dir)}\\{Path.GetFileName(dir)}.csproj", solution, StringComparison.Ordinal));
    }

    [Fact]
    public void No_page_links_to_a_file_outside_the_repository_or_to_one_that_is_not_there()
    {
        var broken = Documents()
            .SelectMany(document => RelativeLink().Matches(File.ReadAllText(document))
                .Select(link => link.Groups[1].Value.Split('#')[0])
                .Where(target => target.Length > 0)
                .Select(target => (Document: document, Target: target, Path: Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, target)))))
            .Where(link => !link.Path.StartsWith(RepositoryPaths.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || (!File.Exists(link.Path) && !Directory.Exists(link.Path)))
            .Select(link => $"{Path.GetRelativePath(RepositoryPaths.Root, link.Document)} -> {link.Target}")
            .ToList();

        Assert.True(broken.Count == 0, "links that lead nowhere in a clone:\n" + string.Join('\n', broken));
    }

    private static IEnumerable<string> Documents() =>
        new[] { Path.Combine(RepositoryPaths.Root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md"));

    private static IEnumerable<(string File, int Index, string Text)> AllSnippets()
    {
        foreach (var document in Documents())
        {
            var name = Path.GetRelativePath(RepositoryPaths.Root, document).Replace('\\', '/');
            var index = 0;
            foreach (Match block in CsharpBlock().Matches(File.ReadAllText(document).ReplaceLineEndings("\n")))
            {
                yield return (name, index++, block.Groups[1].Value);
            }
        }
    }

    [GeneratedRegex(@"^```csharp\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();

    /// <summary>A Markdown link whose target is a path, not a web address.</summary>
    [GeneratedRegex(@"\]\((?!https?://|mailto:|#)([^)\s]+)\)")]
    private static partial Regex RelativeLink();
}
