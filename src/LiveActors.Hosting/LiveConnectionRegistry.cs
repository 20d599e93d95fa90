using System.Collections.Concurrent;
using Akka.Actor;

namespace LiveActors.Hosting;

/// <summary>
/// The sessions started by name with <see cref="LiveActorsHostingExtensions.WithLiveConnection(Akka.Hosting.AkkaConfigurationBuilder, string, Func{Options.LiveConnectionOptions, Options.LiveConnectionOptions}?, string?)"/>,
/// one registry per actor system (Akka.Hosting's ActorRegistry is keyed by type; this one by name).
/// </summary>
public sealed class LiveConnectionRegistry : IExtension
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<IActorRef>> _sessions = new(StringComparer.Ordinal);

    /// <summary>The registry of <paramref name="system"/>.</summary>
    public static LiveConnectionRegistry For(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<LiveConnectionRegistry, LiveConnectionRegistryProvider>();
    }

    /// <summary>The names registered so far.</summary>
    public IReadOnlyCollection<string> Names => [.. _sessions.Where(s => s.Value.Task.IsCompletedSuccessfully).Select(s => s.Key)];

    /// <summary>The session registered as <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No session has that name (yet).</exception>
    public IActorRef Get(string name) =>
        TryGet(name, out var session)
            ? session
            : throw new KeyNotFoundException($"No Live connection is registered as '{name}'; add it with WithLiveConnection(\"{name}\", ...).");

    /// <summary>The session registered as <paramref name="name"/>, if there is one.</summary>
    public bool TryGet(string name, out IActorRef session)
    {
        session = _sessions.TryGetValue(name, out var entry) && entry.Task.IsCompletedSuccessfully ? entry.Task.Result : ActorRefs.Nobody;
        return !session.IsNobody();
    }

    /// <summary>The session registered as <paramref name="name"/>, once the actor system has started it.</summary>
    public Task<IActorRef> GetAsync(string name, CancellationToken cancellationToken = default) =>
        Entry(name).Task.WaitAsync(cancellationToken);

    internal void Register(string name, IActorRef session)
    {
        if (!Entry(name).TrySetResult(session))
        {
            throw new InvalidOperationException($"A Live connection named '{name}' is already registered.");
        }
    }

    private TaskCompletionSource<IActorRef> Entry(string name) =>
        _sessions.GetOrAdd(name, static _ => new TaskCompletionSource<IActorRef>(TaskCreationOptions.RunContinuationsAsynchronously));

    private sealed class LiveConnectionRegistryProvider : ExtensionIdProvider<LiveConnectionRegistry>
    {
        public override LiveConnectionRegistry CreateExtension(ExtendedActorSystem system) => new();
    }
}
