namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>The actor systems' configuration: quiet (warnings only), as in production, and no dead-letter logging.</summary>
internal static class BenchmarkActorSystem
{
    public const string Config = """
        akka.loglevel = WARNING
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        """;
}
