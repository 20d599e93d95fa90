using Akka.Hosting;
using LiveActors.Hosting;
using LiveActors.Hosting.Health;
using Microsoft.Extensions.DependencyInjection;

namespace LiveActors.Samples.Snippets;

/// <summary>The README's "Health checks" snippet: one check for a session, one for a region, in the app's health checks.</summary>
internal static class HealthChecksSample
{
    public static void Register(IServiceCollection services) =>
        services.AddAkka("app", akka => akka
            .WithLiveConnection<Assistant>(options => options with { Model = "gemini-3.1-flash-live-preview" })
            .WithLiveSessions((id, configured) => configured with { Model = "gemini-3.1-flash-live-preview" }))
            .AddHealthChecks()
            .AddLiveConnection<Assistant>(tags: ["ready"])                   // liveactors-Assistant
            .AddLiveSessions(tags: ["ready"], gaveUpWithin: TimeSpan.FromMinutes(5)); // liveactors-sessions

    private sealed class Assistant;
}
