using LiveActors.Protocol;
using LiveActors.Sessions;
using static LiveActors.Errors.ConnectionError;
using static LiveActors.Live;

namespace LiveActors.Serialization;

/// <summary>
/// Every type <see cref="LiveActorsSerializer"/> writes, by its manifest: a short name that stays the same when a type is
/// renamed or moved, so what is stored or in flight between nodes of different versions still reads. Singletons are
/// written as their manifest alone.
/// </summary>
internal sealed class WireTypes
{
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _manifests = [];
    private readonly Dictionary<string, object> _singletons = new(StringComparer.Ordinal);

    public static WireTypes Instance { get; } = new();

    private WireTypes()
    {
        // The session API: requests and their replies.
        Add<Send>("send");
        Add<SendAccepted>("send-accepted");
        Add<Subscribe>("subscribe");
        Add<Subscribed>("subscribed");
        Add<Unsubscribe>("unsubscribe");
        Add<Unsubscribed>("unsubscribed");
        Add<Receive>("receive");
        Add<ReceivedMessages>("received-messages");
        Add<StatusReport>("status-report");
        Singleton("close", Close.Instance);
        Singleton("closed", Closed.Instance);
        Singleton("get-status", GetStatus.Instance);
        Singleton("receive-all", ReceiveAll.Instance);
        Add<ServerMessage>("server-message");

        // Lifecycle events; server events go by their server message (ServerEventCodec).
        Add<SendFailed>("send-failed");
        Add<Connected>("connected");
        Add<Reconnected>("reconnected");
        Add<Disconnected>("disconnected");
        Add<GaveUp>("gave-up");
        Add<Passivated>("passivated");
        Add<ToolCallPossiblyCancelled>("tool-call-possibly-cancelled");
        Add<ReplyCut>("reply-cut");
        Add<ResumptionRefused>("resumption-refused");
        Add<MalformedFrameReceived>("malformed-frame");
        Add<ServerEvent>(ServerEventCodec.Manifest);

        // A region's messages.
        Add<LiveSessions.Envelope>("envelope");
        Add<LiveSessions.GetSession>("get-session");
        Add<LiveSessions.SessionRef>("session-ref");
        Add<LiveSessions.RegionStatus>("region-status");
        Add<LiveSessions.GetRegionHealth>("get-region-health");
        Add<LiveSessions.RegionHealth>("region-health");
        Singleton("get-region-status", LiveSessions.GetRegionStatus.Instance);
        Singleton("flush-state", FlushState.Instance);
        Add<StateFlushed>("state-flushed");

        // What durable sessions and a region's index store.
        Add<SessionEvent>("session-event");
        Add<SessionSnapshot>("session-snapshot");
        Add<IndexEvent>("index-event");
        Add<IndexSnapshot>("index-snapshot");

        // Errors, inside the records above.
        Add<AuthenticationFailed>("error:authentication-failed");
        Add<BufferFull>("error:buffer-full");
        Add<ConnectionFailed>("error:connection-failed");
        Add<DeliveryUncertain>("error:delivery-uncertain");
        Add<InvalidOption>("error:invalid-option");
        Add<MaxRetriesExceeded>("error:max-retries-exceeded");
        Add<ModelNotFound>("error:model-not-found");
        Singleton("error:no-api-key", NoApiKey.Instance);
        Add<OpenFailed>("error:open-failed");
        Singleton("error:project-id-required", ProjectIdRequiredForVertexAi.Instance);
        Add<ProtocolError>("error:protocol-error");
        Add<ReceiveTimeout>("error:receive-timeout");
        Add<ServerClosed>("error:server-closed");
        Add<ServerError>("error:server-error");
        Singleton("error:session-closed", SessionClosed.Instance);
        Singleton("error:session-stopped", SessionStopped.Instance);
        Add<ToolCallLost>("error:tool-call-lost");
        Add<UnsupportedByModel>("error:unsupported-by-model");
        Add<UpgradeError>("error:upgrade-error");
        Add<UpgradeFailed>("error:upgrade-failed");
        Add<UpgradeTimeout>("error:upgrade-timeout");
    }

    /// <summary>Every type with a manifest, singletons' included.</summary>
    public IEnumerable<Type> All => _manifests.Keys;

    /// <summary>The manifest of <paramref name="type"/>; a server event's is the codec's.</summary>
    /// <exception cref="ArgumentException">The type is not one the serializer writes.</exception>
    public string ManifestOf(Type type) =>
        _manifests.TryGetValue(type, out var manifest) ? manifest
        : type.IsSubclassOf(typeof(ServerEvent)) ? ServerEventCodec.Manifest
        : throw new ArgumentException($"LiveActorsSerializer does not write {type.FullName}.", nameof(type));

    /// <summary>The type a manifest names.</summary>
    /// <exception cref="System.Runtime.Serialization.SerializationException">No type has that manifest.</exception>
    public Type TypeOf(string manifest) =>
        _types.TryGetValue(manifest, out var type)
            ? type
            : throw new System.Runtime.Serialization.SerializationException($"LiveActorsSerializer knows no manifest '{manifest}'.");

    /// <summary>The one instance a singleton's manifest stands for; null for other manifests.</summary>
    public object? Singleton(string manifest) => _singletons.GetValueOrDefault(manifest);

    private void Add<T>(string manifest)
    {
        _types.Add(manifest, typeof(T));
        _manifests.Add(typeof(T), manifest);
    }

    private void Singleton(string manifest, object instance)
    {
        Add(manifest, instance.GetType());
        _singletons.Add(manifest, instance);
    }

    private void Add(string manifest, Type type)
    {
        _types.Add(manifest, type);
        _manifests.Add(type, manifest);
    }
}
