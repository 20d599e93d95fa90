using System.Reflection;

namespace LiveActors.Tests.Architecture;

/// <summary>Folders are namespaces and no two of them use each other in a circle, in any package or the host.</summary>
public sealed class NamespaceCycleTests
{
    private static readonly Assembly[] Assemblies =
    [
        typeof(Live).Assembly,
        typeof(LiveActors.Hosting.LiveActorsHostingExtensions).Assembly,
        typeof(LiveActors.Cluster.LiveSessionsCluster).Assembly,
        typeof(LiveActors.Extensions.AI.LiveRealtimeClient).Assembly,
        typeof(LiveActors.Emulator.LiveEmulator).Assembly,
        typeof(LiveActors.Host.HostArguments).Assembly,
    ];

    [Fact]
    public void No_namespace_uses_another_that_uses_it_back()
    {
        var graph = NamespaceGraph.Of(Assemblies, "LiveActors");

        var cycles = NamespaceGraph.Cycles(graph);

        Assert.True(cycles.Count == 0, "namespaces in a circle:\n" + string.Join("\n", cycles.Select(cycle =>
            string.Join(" <-> ", cycle) + "\n    " + string.Join("\n    ", cycle.SelectMany(from =>
                graph[from].Where(edge => cycle.Contains(edge.Key)).Select(edge => edge.Value))))));
    }

    [Fact]
    public void The_check_finds_a_circle_and_passes_a_line()
    {
        var circle = new Dictionary<string, Dictionary<string, string>>
        {
            ["A"] = new() { ["B"] = "" },
            ["B"] = new() { ["C"] = "" },
            ["C"] = new() { ["A"] = "" },
            ["D"] = new() { ["A"] = "" },
        };
        var line = new Dictionary<string, Dictionary<string, string>>
        {
            ["A"] = new() { ["B"] = "" },
            ["B"] = new() { ["C"] = "" },
        };

        Assert.Equal(["A", "B", "C"], Assert.Single(NamespaceGraph.Cycles(circle)));
        Assert.Empty(NamespaceGraph.Cycles(line));
    }

    [Fact]
    public void The_graph_sees_a_use_that_only_a_method_body_makes()
    {
        var graph = NamespaceGraph.Of([typeof(NamespaceCycleTests).Assembly], "LiveActors.Tests");

        // This namespace uses LiveActors.Tests only inside the body of RootOfTheRepository, through RepositoryPaths.
        Assert.Contains("LiveActors.Tests", graph["LiveActors.Tests.Architecture"].Keys);
        Assert.Contains(nameof(RootOfTheRepository), typeof(NamespaceCycleTests).GetMethods(BindingFlags.NonPublic | BindingFlags.Static).Select(m => m.Name));
    }

    private static string RootOfTheRepository() => RepositoryPaths.Root;
}
