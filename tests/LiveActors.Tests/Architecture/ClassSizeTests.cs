namespace LiveActors.Tests.Architecture;

/// <summary>
/// No class is over 300 lines: a class that long has more than one job. A type's lines are its own (<see cref="TypeSizes"/>):
/// from its declaration line to its closing brace, summed over the files of a partial type, less the types declared
/// in it, which are classes of their own and are held to the same limit.
/// </summary>
public sealed class ClassSizeTests
{
    private const int Limit = 300;

    /// <summary>
    /// The session actor is the one class allowed more: its states and transitions read best in one place.
    /// </summary>
    private static readonly Dictionary<string, int> Allowed = new()
    {
        ["LiveActors.Supervision.ConnectionSupervisor"] = 400,
    };

    /// <summary>
    /// Being shrunk: over their limit today, each is being split by a change of its own. Each may keep the size it had
    /// when it was listed, no more; lower the number as it shrinks, and take it off the list once it is within its limit.
    /// </summary>
    private static readonly Dictionary<string, int> BeingShrunk = new()
    {
    };

    private static readonly string Source = Path.Combine(RepositoryPaths.Root, "src");

    [Fact]
    public void No_class_is_over_300_lines()
    {
        var tooLong = TypeSizes.OfFiles(SourceFiles())
            .Where(type => type.Value > LimitOf(type.Key))
            .OrderByDescending(type => type.Value)
            .Select(type => $"{type.Key}: {type.Value} lines (at most {LimitOf(type.Key)})")
            .ToList();

        Assert.True(tooLong.Count == 0, string.Join("\n", tooLong));
    }

    [Fact]
    public void The_scanner_measures_a_type_from_its_declaration_to_its_closing_brace_less_its_nested_types()
    {
        const string snippet = """"
            namespace Sample;

            /// <summary>A class { with a brace in its doc.</summary>
            public sealed class Outer
            {
                private const string Brace = "{ \" }";
                private const char Open = '{';
                private readonly string _verbatim = @"{ "" ";
                private readonly string _raw = $$"""{ {{Brace}}""";
                private string Hole(int x) => $"{{ {x switch { 1 => "}", _ => "{" }} }}"; // a } in a comment

                /* a { in
                   a block comment */
                private sealed record Inner(int A)
                {
                    public int B => A;
                }
            }

            internal enum Kind { One, Two }

            internal sealed record Bodiless<TKey, TValue>(TKey Key, TValue Value);
            """";

        var types = TypeSizes.Scan(snippet);

        Assert.Equal(
            [
                new TypeSizes.Declaration("Outer", 4, 18, 15 - 4),
                new TypeSizes.Declaration("Outer.Inner", 14, 17, 4),
                new TypeSizes.Declaration("Kind", 20, 20, 1),
                new TypeSizes.Declaration("Bodiless`2", 22, 22, 1),
            ],
            types);
    }

    [Fact]
    public void The_files_of_a_partial_class_add_up()
    {
        var directory = Directory.CreateTempSubdirectory("class-sizes");
        try
        {
            var one = Path.Combine(directory.FullName, "One.cs");
            var two = Path.Combine(directory.FullName, "Two.cs");
            File.WriteAllText(one, "namespace Sample;\n\npublic partial class Split\n{\n    void A() { }\n}\n");
            File.WriteAllText(two, "namespace Sample;\n\npublic partial class Split\n{\n    void B()\n    {\n    }\n}\n\ninternal interface ISolo;\n");

            var sizes = TypeSizes.OfFiles([one, two]);

            Assert.Equal(4 + 6, sizes["Sample.Split"]);
            Assert.Equal(1, sizes["Sample.ISolo"]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_allowance_names_a_class_that_exists()
    {
        var sizes = TypeSizes.OfFiles(SourceFiles());

        var unknown = Allowed.Keys.Concat(BeingShrunk.Keys).Where(name => !sizes.ContainsKey(name)).ToList();

        Assert.True(unknown.Count == 0, string.Join("\n", unknown));
    }

    private static int LimitOf(string type) =>
        BeingShrunk.TryGetValue(type, out var shrinking) ? shrinking : Allowed.GetValueOrDefault(type, Limit);

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(Source, file).Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"));
}
