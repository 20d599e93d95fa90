namespace LiveActors.Options;

/// <summary>
/// The range of every numeric option, in one place: <see cref="LiveOptionsValidator"/> and
/// <see cref="Sessions.LiveSessionsOptions.Validate"/> refuse values outside it, and a test holds docs/configuration.md's
/// range column to it, so the rule and its documentation cannot disagree.
/// </summary>
internal static class OptionRanges
{
    /// <summary>
    /// The longest duration any option takes: <see cref="int.MaxValue"/> milliseconds, about 24.8 days. Akka's scheduler
    /// (HashedWheelTimerScheduler, and so actor timers and receive timeouts) takes any delay that is not negative, but not
    /// everything a duration reaches does: <c>timeout</c> becomes SocketsHttpHandler.ConnectTimeout, which refuses more
    /// than int.MaxValue ms (as HttpClient.Timeout does), and Task.Delay, CancellationTokenSource.CancelAfter and Akka's
    /// Ask refuse more than uint.MaxValue - 1 ms. Refused there, a value fails inside an actor's constructor or a timer,
    /// after startup; one limit for every duration, the lowest, refuses it here instead.
    /// </summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>
    /// The largest server message: 256 MiB. A message is joined in one byte[] that doubles as it grows, then parsed and held
    /// as strings (twice its size); Live API messages are audio chunks, transcripts and tool calls of kilobytes, so 16 times
    /// the 16 MiB default leaves room for any real one, while a bigger limit would let one message pin gigabytes.
    /// </summary>
    public const long MaxMessageBytes = 256L * 1024 * 1024;

    /// <summary>
    /// The most bytes one session holds in its inbox or its outbound queue: 1 GiB. An hour of 16 kHz audio is about
    /// 150 MB as base64; a session holding more than 1 GiB is leaking, and a limit above it would not protect the process.
    /// </summary>
    public const long MaxHeldBytes = 1024L * 1024 * 1024;

    /// <summary>
    /// The most messages an inbox, an outbound queue or a closing session holds: 2^20. Past it a count bounds nothing
    /// the byte limits do not, and it stays far from int.MaxValue, where the counters that compare against it would wrap.
    /// </summary>
    public const int MaxQueuedMessages = 1 << 20;

    /// <summary>
    /// The most reconnects in a row: a million, about a year at the default 30 s max-delay, as near "for ever" as a
    /// count needs to be; the attempt counter, an int, then never wraps.
    /// </summary>
    public const int MaxRetryAttempts = 1_000_000;

    /// <summary>The most sockets one region holds open: a million, beyond what one process has file descriptors and ports for.</summary>
    public const int MaxOpenSessions = 1_000_000;

    private const string DurationWhy = "int.MaxValue ms, about 24.8 days: the longest timeout HttpClient takes";
    private const double MaxDurationMs = int.MaxValue;
    private const string HeldWhy = "1 GiB: more held by one session is a leak, not a buffer";
    private const string QueuedWhy = "2^20 messages: past it the byte limit decides";

    /// <summary>Every numeric option's range, in the order of the options table.</summary>
    public static readonly IReadOnlyList<OptionRange> All =
    [
        Duration(OptionKeys.Timeout),
        new(OptionKeys.RetryAttempts, OptionUnit.Count, 0, MaxRetryAttempts,
            "a million: about a year of reconnects at a 30 s max-delay"),
        Duration(OptionKeys.RetryDelay),
        new(OptionKeys.RetryBackoff, OptionUnit.Factor, 1.0, 100,
            "a larger factor reaches max-delay at the second attempt anyway"),
        Duration(OptionKeys.RetryMaxDelay),
        new(OptionKeys.RetryJitter, OptionUnit.Factor, 0.0, 1.0, "a wait is multiplied by 1 - jitter to 1 + jitter, never by less than 0"),
        Duration(OptionKeys.RetryResetAfter),
        Duration(OptionKeys.KeepAliveInterval),
        Duration(OptionKeys.KeepAliveTimeout),
        Duration(OptionKeys.CloseTimeout),
        Duration(OptionKeys.ReceiveTimeout),
        new(OptionKeys.MaxInboundMessageSize, OptionUnit.Bytes, 1024, MaxMessageBytes,
            "256 MiB: one message is joined in one buffer; Live API messages are kilobytes"),
        new(OptionKeys.InboxCapacity, OptionUnit.Count, 1, MaxQueuedMessages, QueuedWhy),
        new(OptionKeys.InboxMaxBytes, OptionUnit.Bytes, 1, MaxHeldBytes, HeldWhy),
        new(OptionKeys.OutboundMaxMessages, OptionUnit.Count, 1, MaxQueuedMessages, QueuedWhy),
        new(OptionKeys.OutboundMaxBytes, OptionUnit.Bytes, 1, MaxHeldBytes, HeldWhy),
        new(OptionKeys.ResumptionMaxResumesPerHandle, OptionUnit.Count, 1, MaxRetryAttempts,
            "as retry.attempts: a handle that fails this often in a row is not coming back"),
        new(OptionKeys.ResumptionReseedExchanges, OptionUnit.Count, 0, 1_000,
            "kept in memory for each session and sent as history to every new server session: a long history is a slow, costly setup"),
        new(OptionKeys.TransportReceiveBufferSize, OptionUnit.Bytes, 256, MaxMessageBytes,
            "a first buffer larger than the largest message is never filled"),
        Duration(OptionKeys.SessionsPassivateAfter) with { Property = "PassivateAfter", Why = DurationWhy + "; or off, never" },
        new(OptionKeys.SessionsMaxOpen, OptionUnit.Count, 1, MaxOpenSessions,
            "a million sockets: more than one process has file descriptors and ports for") { Property = "MaxOpenSessions" },
        Duration(OptionKeys.SessionsHandleValidity) with { Property = "HandleValidity" },
        new(OptionKeys.SessionsMaxBuffered, OptionUnit.Count, 0, MaxQueuedMessages,
            "2^20 messages waiting for one closing session") { Property = "MaxBufferedPerSession" },
    ];

    private static readonly Dictionary<string, OptionRange> ByKey = All.ToDictionary(range => range.Key, StringComparer.Ordinal);

    /// <summary>The range of the option with HOCON key <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">The option is not numeric, or has no declared range.</exception>
    public static OptionRange For(string key) => ByKey[key];

    /// <summary>The range of <paramref name="key"/>, or null for an option that is not numeric.</summary>
    public static OptionRange? Find(string key) => ByKey.GetValueOrDefault(key);

    // Durations start at 1 ms, not 1 tick: timers and cancellation count whole milliseconds, and a shorter one would fire at once.
    private static OptionRange Duration(string key) => new(key, OptionUnit.Duration, 1, MaxDurationMs, DurationWhy);
}
