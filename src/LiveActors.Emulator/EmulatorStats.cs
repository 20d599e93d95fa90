namespace LiveActors.Emulator;

/// <summary>Counters over the emulator's whole life, to show it is not the bottleneck in a benchmark.</summary>
public sealed class EmulatorStats
{
    private long _messagesSent;
    private long _preSerializedSent;
    private long _bytesSent;
    private long _messagesReceived;

    /// <summary>Server messages sent.</summary>
    public long MessagesSent => Interlocked.Read(ref _messagesSent);

    /// <summary>Of those, messages sent from bytes serialized once and reused (the benchmark fast path).</summary>
    public long PreSerializedSent => Interlocked.Read(ref _preSerializedSent);

    /// <summary>Bytes of server messages sent.</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Client messages received, setup included.</summary>
    public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    internal void Sent(int bytes, bool preSerialized)
    {
        Interlocked.Increment(ref _messagesSent);
        Interlocked.Add(ref _bytesSent, bytes);
        if (preSerialized)
        {
            Interlocked.Increment(ref _preSerializedSent);
        }
    }

    internal void Received() => Interlocked.Increment(ref _messagesReceived);
}
