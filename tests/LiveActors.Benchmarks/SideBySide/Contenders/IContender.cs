namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>One way of talking to the Live API that the side-by-side harness measures.</summary>
internal interface IContender : IAsyncDisposable
{
    /// <summary>The column header.</summary>
    string Name { get; }

    /// <summary>Opens a session against the emulator at <paramref name="emulator"/>; done once setupComplete has arrived.</summary>
    Task<IContenderSession> ConnectAsync(Uri emulator, bool resumption, CancellationToken cancellationToken);
}

/// <summary>An open session: the few things the scenarios do with it.</summary>
internal interface IContenderSession : IAsyncDisposable
{
    /// <summary>Sends a realtimeInput text.</summary>
    Task SendTextAsync(string text);

    /// <summary>Sends a realtimeInput chunk of 16 kHz PCM.</summary>
    Task SendAudioAsync(ReadOnlyMemory<byte> pcm);

    /// <summary>What the next turn brought, once its turnComplete has arrived.</summary>
    ValueTask<TurnTally> NextTurnAsync(CancellationToken cancellationToken);

    /// <summary>After the connection drops: the time from noticing the drop to the resumed session being ready again.</summary>
    ValueTask<TimeSpan> NextResumeAsync(CancellationToken cancellationToken);
}
