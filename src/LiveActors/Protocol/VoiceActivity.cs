using System.Text.Json.Serialization;

namespace LiveActors.Protocol;

/// <summary>The server detected the start or end of the user's speech.</summary>
public sealed record VoiceActivity : WireObject
{
    /// <summary><c>ACTIVITY_START</c> or <c>ACTIVITY_END</c>, as sent in the wire field <c>type</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The same value under the SDK's name <c>voiceActivityType</c>, which some peers send instead.</summary>
    public string? VoiceActivityType { get; init; }

    /// <summary>Where in the audio stream the activity happened.</summary>
    [JsonConverter(typeof(ProtoDurationConverter))]
    public TimeSpan? AudioOffset { get; init; }

    /// <summary>The activity type whichever field carried it.</summary>
    [JsonIgnore]
    public string? ActivityType => Type ?? VoiceActivityType;
}
