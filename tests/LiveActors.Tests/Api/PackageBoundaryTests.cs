using System.Reflection;
using System.Runtime.CompilerServices;

namespace LiveActors.Tests.Api;

/// <summary>
/// The integration packages build on public API only, as a third-party package would: the core opens its internals to
/// tests and benchmarks alone, and LiveActors.Hosting to tests alone.
/// </summary>
public sealed class PackageBoundaryTests
{
    [Fact]
    public void The_core_shows_its_internals_to_tests_and_benchmarks_only()
    {
        Assert.Equal(["LiveActors.Benchmarks", "LiveActors.Tests"], Friends(typeof(global::LiveActors.Sessions.LiveSessions).Assembly));
    }

    [Fact]
    public void Hosting_shows_its_internals_to_tests_only()
    {
        Assert.Equal(["LiveActors.Tests"], Friends(typeof(global::LiveActors.Hosting.LiveActorsHostingExtensions).Assembly));
    }

    private static List<string> Friends(Assembly assembly) =>
        [.. assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).Order(StringComparer.Ordinal)];
}
