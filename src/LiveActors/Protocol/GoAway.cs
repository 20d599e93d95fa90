using System.Text.Json.Serialization;

namespace LiveActors.Protocol;

/// <summary>
/// The server will end this connection after <see cref="TimeLeft"/>, which may be seconds or minutes and may come at any
/// time (docs/live-api.md 4.5); reconnect, with a resumption handle if there is one, before then.
/// </summary>
public sealed record GoAway : WireObject
{
    /// <summary>How long the connection has left, exactly as the wire says it (a protobuf Duration such as <c>"50s"</c>).</summary>
    [JsonPropertyName("timeLeft")]
    [JsonConverter(typeof(ExactDurationConverter))]
    public ExactDuration? TimeLeftExact { get; init; }

    /// <summary>How long the connection has left, to 100 ns (<see cref="TimeLeftExact"/> keeps every nanosecond).</summary>
    [JsonIgnore]
    public TimeSpan? TimeLeft
    {
        get => TimeLeftExact?.ToTimeSpan();
        init => TimeLeftExact = value is { } time ? ExactDuration.From(time) : null;
    }
}
