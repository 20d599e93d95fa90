namespace LiveActors.Tests;

/// <summary>
/// Finds the repository root, and the sample frames that the test project copies beside its assembly
/// (<c>tests/LiveActors.Tests/Samples</c>): tests never read anything outside the repository.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindUp(dir => File.Exists(Path.Combine(dir, "LiveActors.sln")))
        ?? throw new InvalidOperationException("LiveActors.sln was not found above " + AppContext.BaseDirectory);

    public static string ProtocolSamples { get; } = Path.Combine(AppContext.BaseDirectory, "Samples");

    public static string Sample(string relativePath) => Path.Combine(ProtocolSamples, relativePath);

    private static string? FindUp(Func<string, bool> found)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (found(dir.FullName))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
