using System.Text.Json.Serialization;

namespace LiveActors.Protocol;

/// <summary>A word of a transcript and when it was spoken (with <see cref="AudioTranscriptionConfig.WordTimestamp"/>).</summary>
public sealed record TranscriptionWord : WireObject
{
    /// <summary>The word.</summary>
    public string? Word { get; init; }

    /// <summary>When it starts, from the start of the audio stream (a protobuf Duration on the wire).</summary>
    [JsonConverter(typeof(ProtoDurationConverter))]
    public TimeSpan? StartOffset { get; init; }

    /// <summary>When it ends, from the start of the audio stream.</summary>
    [JsonConverter(typeof(ProtoDurationConverter))]
    public TimeSpan? EndOffset { get; init; }
}
