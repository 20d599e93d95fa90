using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace LiveActors.Telemetry;

/// <summary>
/// The ActivitySource and Meter named <c>LiveActors</c>, and their instruments. Names mirror gemini_ex's telemetry events;
/// tags carry kinds, codes and counts, never credentials or resumption handles.
/// </summary>
public static class LiveTelemetry
{
    /// <summary>The name of the ActivitySource and of the Meter (<c>AddSource("LiveActors")</c>, <c>AddMeter("LiveActors")</c>).</summary>
    public const string Name = "LiveActors";

    /// <summary>The activity around one connect: TCP, TLS, upgrade, setup and setupComplete.</summary>
    public const string ConnectActivity = "live.connect";

    private static readonly string? Version = typeof(LiveTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    internal static readonly ActivitySource Source = new(Name, Version);

    internal static readonly Meter Meter = new(Name, Version);

    /// <summary>Connect times: from 10 ms on loopback to the 30 s of the default timeout.</summary>
    internal static readonly Histogram<double> ConnectDuration = Meter.CreateHistogram<double>(
        "live.connect.duration",
        "s",
        "Time from opening a socket to setupComplete.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2.5, 5, 10, 30] });

    /// <summary>
    /// The OpenTelemetry GenAI <c>gen_ai.client.token.usage</c>: one record per token type of each <c>usageMetadata</c> the
    /// server sends, as it reports it, with the semantic conventions' bucket boundaries.
    /// </summary>
    internal static readonly Histogram<long> TokenUsage = Meter.CreateHistogram<long>(
        "gen_ai.client.token.usage",
        "{token}",
        "Tokens the service reported in usageMetadata, by gen_ai.token.type (input, output).",
        tags: null,
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864] });

    /// <summary>The OpenTelemetry GenAI conventions' boundaries for operation times, 10 ms to 82 s.</summary>
    private static readonly double[] OperationBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    /// <summary>
    /// <c>gen_ai.client.operation.duration</c>: from the client message that asked for a reply to the end of its
    /// interaction (turnComplete, or IDLE where the model reports it); <c>error.type</c> <c>reply_cut</c> when the
    /// connection ended first.
    /// </summary>
    internal static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "gen_ai.client.operation.duration",
        "s",
        "Time from the client message that asked for a reply to the end of the reply.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = OperationBuckets });

    /// <summary><c>gen_ai.client.operation.time_to_first_chunk</c>: from the client message that asked for a reply to its first chunk.</summary>
    internal static readonly Histogram<double> TimeToFirstChunk = Meter.CreateHistogram<double>(
        "gen_ai.client.operation.time_to_first_chunk",
        "s",
        "Time from the client message that asked for a reply to the reply's first chunk.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = OperationBuckets });

    /// <summary>
    /// <c>live.turn.latency</c>: the pause a caller hears, from the end of the user's turn (the client message that ended
    /// it, or the server's end-of-speech signal under automatic activity detection) to the reply's first chunk. Finer
    /// buckets than the operation times: voice replies start within a second or they feel slow.
    /// </summary>
    internal static readonly Histogram<double> TurnLatency = Meter.CreateHistogram<double>(
        "live.turn.latency",
        "s",
        "Time from the end of the user's turn to the reply's first chunk.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10] });

    /// <summary>The OpenTelemetry GenAI <c>gen_ai.provider.name</c> of the backend <paramref name="options"/> connect to: <c>gcp.gemini</c> or <c>gcp.vertex_ai</c>.</summary>
    public static string ProviderName(Options.LiveConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AuthStrategy == Options.AuthStrategy.VertexAi ? "gcp.vertex_ai" : "gcp.gemini";
    }

    /// <summary>The GenAI tags of a session's telemetry: which provider, which model, which operation.</summary>
    internal static KeyValuePair<string, object?>[] GenAiTags(Options.LiveConnectionOptions options) =>
    [
        new("gen_ai.provider.name", ProviderName(options)),
        new("gen_ai.request.model", options.Model),
        new("gen_ai.operation.name", "generate_content"),
    ];

    internal static readonly Counter<long> MessagesSent = Meter.CreateCounter<long>("live.messages.sent", "{message}", "Client messages written.");

    internal static readonly Counter<long> BytesSent = Meter.CreateCounter<long>("live.bytes.sent", "By", "Bytes of client messages written.");

    internal static readonly Counter<long> MessagesReceived = Meter.CreateCounter<long>("live.messages.received", "{message}", "Server messages read.");

    internal static readonly Counter<long> BytesReceived = Meter.CreateCounter<long>("live.bytes.received", "By", "Bytes of server messages read.");

    internal static readonly UpDownCounter<long> OpenConnections = Meter.CreateUpDownCounter<long>(
        "live.connections.open", "{connection}", "WebSockets open now (opened and not yet released).");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>("live.retries", "{retry}", "Reconnect attempts scheduled.");

    internal static readonly Counter<long> InboxDropped = Meter.CreateCounter<long>(
        "live.inbox.dropped", "{message}", "Server messages dropped from a full inbox nobody read.");

    internal static readonly Counter<long> OddMembers = Meter.CreateCounter<long>(
        "live.members.odd", "{member}", "Members of server messages with a type their record cannot hold, kept raw while the rest was read.");

    internal static readonly Counter<long> MalformedFrames = Meter.CreateCounter<long>("live.frames.malformed", "{frame}", "Server frames that were not Live API messages.");

    internal static readonly Counter<long> StrayFrames = Meter.CreateCounter<long>(
        "live.frames.stray", "{frame}", "Server frames that belonged to no open turn (a stray interrupted, generationComplete, turnComplete or toolCall), not applied to the next one.");

    internal static KeyValuePair<string, object?> Kind(string kind) => new("live.kind", kind);
}
