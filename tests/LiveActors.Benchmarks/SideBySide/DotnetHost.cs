using System.Runtime.InteropServices;

namespace LiveActors.Benchmarks.SideBySide;

/// <summary>The <c>dotnet</c> muxer that runs this process, to start the harness's child processes with.</summary>
internal static class DotnetHost
{
    /// <summary>DOTNET_HOST_PATH when the SDK set it, else the muxer above the shared runtime.</summary>
    public static string Path { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host
            ? host
            : System.IO.Path.GetFullPath(System.IO.Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..",
                OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
}
