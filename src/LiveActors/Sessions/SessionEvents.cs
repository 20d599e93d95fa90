namespace LiveActors.Sessions;

// What a DurableSession stores: plain data, so any Akka.Persistence journal and its serializer can keep it.

/// <summary>What a <see cref="DurableSession"/> stores, one event per change (plain data, for any Akka.Persistence journal).</summary>
internal sealed record SessionEvent
{
    /// <summary>What changed.</summary>
    public SessionEventKind Kind { get; init; }

    /// <summary>The message's sequence (Accepted), or how far everything is done (DoneThrough).</summary>
    public long Sequence { get; init; }

    /// <summary>The accepted message's wire JSON; for Started, the setup's.</summary>
    public string? Message { get; init; }

    /// <summary>Its sender's correlation value, as text.</summary>
    public string? Correlation { get; init; }

    /// <summary>The new resumption handle (a secret).</summary>
    public string? Handle { get; init; }

    /// <summary>When the handle was issued.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The subscriber's serialized actor path (Subscribed, Unsubscribed).</summary>
    public string? Subscriber { get; init; }
}

/// <summary>The kinds of <see cref="SessionEvent"/>.</summary>
internal enum SessionEventKind
{
    /// <summary>A message was accepted.</summary>
    Accepted,

    /// <summary>Every message up to a sequence is done.</summary>
    DoneThrough,

    /// <summary>A new resumable handle.</summary>
    Handle,

    /// <summary>The session started: <see cref="SessionEvent.Message"/> is the setup it started with (null: the default).</summary>
    Started,

    /// <summary>An actor subscribed to the session's events.</summary>
    Subscribed,

    /// <summary>It unsubscribed, or stopped.</summary>
    Unsubscribed,
}

/// <summary>A <see cref="DurableSession"/>'s whole state, saved every few hundred events so recovery reads little.</summary>
internal sealed record SessionSnapshot
{
    /// <summary>The newest resumable handle (a secret).</summary>
    public string? Handle { get; init; }

    /// <summary>When it was issued.</summary>
    public DateTimeOffset HandleIssued { get; init; }

    /// <summary>The highest sequence given.</summary>
    public long LastSequence { get; init; }

    /// <summary>The messages not yet done.</summary>
    public IReadOnlyList<StoredMessage>? Held { get; init; }

    /// <summary>The setup the session started with, as JSON; null when it started with the default one.</summary>
    public string? Setup { get; init; }

    /// <summary>The subscribers' serialized actor paths.</summary>
    public IReadOnlyList<string>? Subscribers { get; init; }

    /// <summary>Whether the session's start is stored (a state from before setups were stored has none).</summary>
    public bool Started { get; init; }
}

/// <summary>An accepted message as a <see cref="SessionSnapshot"/> keeps it.</summary>
/// <param name="Sequence">Its sequence.</param>
/// <param name="Message">Its wire JSON.</param>
/// <param name="Correlation">Its sender's correlation value, as text.</param>
internal sealed record StoredMessage(long Sequence, string Message, string? Correlation);
