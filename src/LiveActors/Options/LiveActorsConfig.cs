using Akka.Configuration;

namespace LiveActors.Options;

/// <summary>The library's reference HOCON configuration: the embedded <c>Akka.conf</c>, the one place defaults live.</summary>
public static class LiveActorsConfig
{
    /// <summary>The HOCON section that holds LiveActors' settings.</summary>
    public const string Section = "live-actors";

    private const string ResourceName = "LiveActors.Akka.conf";

    /// <summary>The reference configuration; add it as a fallback to an actor system's config.</summary>
    public static Config Default { get; } = ConfigurationFactory.ParseString(ReadResource());

    private static string ReadResource()
    {
        using var stream = typeof(LiveActorsConfig).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the LiveActors assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
