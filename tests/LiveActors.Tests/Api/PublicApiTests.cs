using System.Reflection;
using LiveActors.Cluster;
using LiveActors.Emulator;
using LiveActors.Extensions.AI;
using LiveActors.Hosting;
using PublicApiGenerator;

namespace LiveActors.Tests.Api;

/// <summary>
/// The public surface of every package, as PublicApiGenerator renders it, is the one reviewed and checked in under
/// <c>tests/LiveActors.Tests/Api/approved/</c>: a change to it fails here until the approved file changes in the same
/// commit, so every API change shows in review. A mismatch writes <c>NAME.received.txt</c> beside the approved file;
/// look at the difference, and when the change is meant, run the tests with <c>LIVEACTORS_APPROVE_API=1</c> (or copy
/// the received file over the approved one).
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Packages() => new(Assemblies.Keys);

    [Theory]
    [MemberData(nameof(Packages))]
    public void The_public_api_is_the_approved_one(string package)
    {
        var generated = Assemblies[package].GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false })
            .ReplaceLineEndings("\n");
        var approved = Path.Combine(RepositoryPaths.Root, "tests", "LiveActors.Tests", "Api", "approved", $"{package}.txt");
        var received = Path.ChangeExtension(approved, ".received.txt");

        if (Environment.GetEnvironmentVariable("LIVEACTORS_APPROVE_API") == "1")
        {
            File.WriteAllText(approved, generated);
        }

        var expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : "";
        if (expected == generated)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, generated);
        var now = generated.Split('\n');
        var before = expected.Split('\n');
        var line = Enumerable.Range(0, Math.Min(now.Length, before.Length)).FirstOrDefault(i => now[i] != before[i], Math.Min(now.Length, before.Length));
        Assert.Fail($"The public API of {package} changed at line {line + 1} ('{Line(before, line)}' is now '{Line(now, line)}'). " +
            $"Compare {received} with {approved}; if the change is meant, approve it (LIVEACTORS_APPROVE_API=1).");
    }

    private static string Line(string[] lines, int index) => index < lines.Length ? lines[index].Trim() : "(the end)";

    private static readonly IReadOnlyDictionary<string, Assembly> Assemblies = new Dictionary<string, Assembly>
    {
        ["LiveActors"] = typeof(Live).Assembly,
        ["LiveActors.Hosting"] = typeof(LiveActorsHostingExtensions).Assembly,
        ["LiveActors.Cluster"] = typeof(LiveSessionsCluster).Assembly,
        ["LiveActors.Extensions.AI"] = typeof(LiveRealtimeClient).Assembly,
        ["LiveActors.Emulator"] = typeof(LiveEmulator).Assembly,
    };
}
