using Akka.Actor;
using Akka.Hosting;
using LiveActors.Facade;
using Microsoft.Extensions.DependencyInjection;

namespace LiveActors.Hosting;

/// <summary>
/// Puts <see cref="ILiveConnection"/> facades in DI for sessions started with <c>WithLiveConnection</c> (Akka.Hosting's
/// builder cannot add services itself, so this is the second, one-line step).
/// </summary>
public static class LiveConnectionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ILiveConnection{TKey}"/> for the session started with <c>WithLiveConnection&lt;TKey&gt;</c>. It can
    /// be injected anywhere, hosted services included: it finds the session on first use, once the actor system runs.
    /// </summary>
    public static IServiceCollection AddLiveConnectionFacade<TKey>(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSingleton<ILiveConnection<TKey>>(provider => LiveConnection.Deferred<TKey>(async () =>
        {
            var session = await provider.GetRequiredService<IRequiredActor<TKey>>().GetAsync().ConfigureAwait(false);
            return new LiveConnection(provider.GetRequiredService<ActorSystem>(), session);
        }));
    }

    /// <summary>
    /// Registers <see cref="ILiveSessions"/> for the region started with <c>WithLiveSessions</c>: <c>Get(id)</c> gives the
    /// <see cref="ILiveConnection"/> of one session, started on first use.
    /// </summary>
    public static IServiceCollection AddLiveSessionsFacade(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // A sharded region (LiveActors.Cluster) registers under the same key; its answers tell the facade its sessions move.
        return services.AddSingleton<ILiveSessions>(provider => new LiveSessionsFacade(
            provider.GetRequiredService<ActorSystem>(),
            () => provider.GetRequiredService<IRequiredActor<Sessions.LiveSessions>>().GetAsync()));
    }

    /// <summary>
    /// Registers a keyed <see cref="ILiveConnection"/> (key <paramref name="name"/>) for the session started with
    /// <c>WithLiveConnection(name)</c>; like the typed one, it finds the session on first use.
    /// </summary>
    public static IServiceCollection AddLiveConnectionFacade(this IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return services.AddKeyedSingleton<ILiveConnection>(name, (provider, _) => LiveConnection.Deferred(async () =>
        {
            var system = provider.GetRequiredService<ActorSystem>();
            return new LiveConnection(system, await LiveConnectionRegistry.For(system).GetAsync(name).ConfigureAwait(false));
        }));
    }
}
