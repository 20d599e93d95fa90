namespace LiveActors.Protocol;

/// <summary>
/// Streaming input (<c>{"realtimeInput":{...}}</c>): audio, video frames, text or activity markers, processed as it
/// arrives. Send one member per message, as Google's SDKs do.
/// </summary>
/// <remarks>
/// The service's deprecated <c>mediaChunks</c> is not modelled, and a session refuses it: Gemini 3.x models close the
/// connection on it with 1007 (docs/live-api.md 5.5). Use <see cref="Audio"/> and <see cref="Video"/>.
/// </remarks>
public sealed record RealtimeInput : ClientMessage
{
    /// <summary>A chunk of audio, normally 16-bit little-endian mono PCM at 16 kHz.</summary>
    public Blob? Audio { get; init; }

    /// <summary>A video frame, for example a JPEG image.</summary>
    public Blob? Video { get; init; }

    /// <summary>Text typed in real time.</summary>
    public string? Text { get; init; }

    /// <summary>The user started speaking (only with automatic activity detection disabled).</summary>
    public EmptyObject? ActivityStart { get; init; }

    /// <summary>The user stopped speaking (only with automatic activity detection disabled).</summary>
    public EmptyObject? ActivityEnd { get; init; }

    /// <summary>The audio stream paused or ended (only with automatic activity detection); the server flushes its audio.</summary>
    public bool? AudioStreamEnd { get; init; }

    /// <summary>A chunk of 16-bit little-endian mono PCM audio at <paramref name="sampleRate"/> Hz.</summary>
    public static RealtimeInput Pcm(ReadOnlyMemory<byte> pcm, int sampleRate = 16_000) =>
        new() { Audio = new Blob { MimeType = MimeTypes.Pcm(sampleRate), Data = pcm } };

    /// <summary>A JPEG video frame.</summary>
    public static RealtimeInput Jpeg(ReadOnlyMemory<byte> jpeg) =>
        new() { Video = new Blob { MimeType = MimeTypes.Jpeg, Data = jpeg } };

    /// <summary>Realtime text.</summary>
    public static RealtimeInput FromText(string text) => new() { Text = text };

    /// <summary>The user started speaking.</summary>
    public static RealtimeInput StartOfActivity { get; } = new() { ActivityStart = EmptyObject.Instance };

    /// <summary>The user stopped speaking.</summary>
    public static RealtimeInput EndOfActivity { get; } = new() { ActivityEnd = EmptyObject.Instance };

    /// <summary>The audio stream paused or ended.</summary>
    public static RealtimeInput EndOfAudioStream { get; } = new() { AudioStreamEnd = true };
}
