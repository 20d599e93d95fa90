namespace LiveActors.Tests;

/// <summary>Finds the repository root and the shared protocol samples beside it, from wherever the tests run.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindUp(dir => File.Exists(Path.Combine(dir, "LiveActors.sln")))
        ?? throw new InvalidOperationException("LiveActors.sln was not found above " + AppContext.BaseDirectory);

    public static string ProtocolSamples { get; } =
        FindUp(dir => Directory.Exists(Path.Combine(dir, "shared", "protocol-samples"))) is { } parent
            ? Path.Combine(parent, "shared", "protocol-samples")
            : throw new InvalidOperationException("shared/protocol-samples was not found beside the repository.");

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
